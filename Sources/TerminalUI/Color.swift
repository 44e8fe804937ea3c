/// A terminal colour: the terminal's default, an index into the xterm 256-colour palette, or a
/// 24-bit colour for terminals that declare direct colour.
///
/// Indices 0–7 are the basic colours, 8–15 their bright variants, 16–231 a 6×6×6 RGB cube and
/// 232–255 a 24-step grey ramp. Backends with fewer colours degrade with ``nearestIndexed`` and
/// ``nearestBasic``.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background colour.
    case `default`
    /// An index into the xterm 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour, shown as it is only by terminals with direct colour (``ColorDepth/direct``).
    case direct(red: UInt8, green: UInt8, blue: UInt8)

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)

    /// The channel levels of the xterm colour cube (indices 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The palette index nearest to a grey level in 0...1 (0 is black, 1 is white).
    ///
    /// Searches the grey ramp 232–255 plus pure black (16) and white (231), so the ends are exact.
    public static func grey(_ level: Float) -> Color {
        let clamped = level.isNaN ? 0 : min(max(level, 0), 1)
        let value = Int((clamped * 255).rounded())
        return rgb(red: value, green: value, blue: value)
    }

    /// The palette index (16–255) nearest to an RGB triple with channels in 0...255.
    public static func rgb(red: Int, green: Int, blue: Int) -> Color {
        let r = min(max(red, 0), 255), g = min(max(green, 0), 255), b = min(max(blue, 0), 255)
        let cube = (nearestCubeStep(r), nearestCubeStep(g), nearestCubeStep(b))
        let cubeIndex = 16 + 36 * cube.0 + 6 * cube.1 + cube.2
        let cubeDistance = distance(r, g, b, cubeLevels[cube.0], cubeLevels[cube.1], cubeLevels[cube.2])
        // Grey ramp entry k has level 8 + 10k; pick the one nearest to the mean channel.
        let mean = (r + g + b) / 3
        let greyStep = min(max((mean - 8 + 5) / 10, 0), 23)
        let greyLevel = 8 + 10 * greyStep
        let greyDistance = distance(r, g, b, greyLevel, greyLevel, greyLevel)
        return .indexed(UInt8(greyDistance < cubeDistance ? 232 + greyStep : cubeIndex))
    }

    /// The nearest palette colour: itself unless it is a direct colour.
    public var nearestIndexed: Color {
        guard case .direct(let red, let green, let blue) = self else { return self }
        return Self.rgb(red: Int(red), green: Int(green), blue: Int(blue))
    }

    /// The approximate RGB value of this colour, or nil for the terminal default.
    public var rgbValue: (red: Int, green: Int, blue: Int)? {
        let index: UInt8
        switch self {
        case .default: return nil
        case .direct(let red, let green, let blue): return (Int(red), Int(green), Int(blue))
        case .indexed(let value): index = value
        }
        let i = Int(index)
        switch i {
        case 0..<16:
            let base = i % 8
            let on = i < 8 ? 205 : 255
            let off = i < 8 ? 0 : 127
            // Index 7 (white) is light grey and 8 (bright black) mid grey in xterm.
            if i == 7 { return (229, 229, 229) }
            if i == 8 { return (127, 127, 127) }
            return (base & 1 != 0 ? on : off, base & 2 != 0 ? on : off, base & 4 != 0 ? on : off)
        case 16..<232:
            let c = i - 16
            return (Self.cubeLevels[c / 36], Self.cubeLevels[(c / 6) % 6], Self.cubeLevels[c % 6])
        default:
            let level = 8 + 10 * (i - 232)
            return (level, level, level)
        }
    }

    /// The nearest of the 8 basic colours (indices 0–7), for terminals with only 8 colours.
    ///
    /// Greys map to black or white by brightness; other colours to the basic colour whose
    /// channels they light up (a channel counts as lit above half of the brightest one).
    public var nearestBasic: Color {
        guard let (r, g, b) = rgbValue else { return .default }
        if case .indexed(let index) = self, index < 8 { return self }
        let brightest = max(r, g, b)
        if brightest < 64 { return .black }
        let threshold = brightest / 2
        let bits = (r > threshold ? 1 : 0) | (g > threshold ? 2 : 0) | (b > threshold ? 4 : 0)
        if bits == 7 && brightest < 128 { return .black }
        return .indexed(UInt8(bits))
    }

    private static func nearestCubeStep(_ value: Int) -> Int {
        var best = 0
        for step in 1..<cubeLevels.count where abs(cubeLevels[step] - value) < abs(cubeLevels[best] - value) {
            best = step
        }
        return best
    }

    private static func distance(_ r1: Int, _ g1: Int, _ b1: Int, _ r2: Int, _ g2: Int, _ b2: Int) -> Int {
        (r1 - r2) * (r1 - r2) + (g1 - g2) * (g1 - g2) + (b1 - b2) * (b1 - b2)
    }
}
