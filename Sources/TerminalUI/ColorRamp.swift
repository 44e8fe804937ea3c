/// An ordered list of palette indices that maps a level in 0...1 to a colour, dark to light
/// (or along any gradient a theme chooses).
public struct ColorRamp: Sendable, Hashable {
    public var indices: [UInt8]

    /// Black (16), the 24 greys 232–255, then white (231).
    public static let grey = ColorRamp(indices: [16] + Array(232...255) + [231])

    public init(indices: [UInt8]) {
        self.indices = indices
    }

    /// The palette index for a level in 0...1 (NaN counts as 0; an empty ramp gives 0).
    public func index(at level: Float) -> UInt8 {
        guard let last = indices.indices.last else { return 0 }
        let clamped = level.isNaN ? 0 : min(max(level, 0), 1)
        return indices[Int((clamped * Float(last)).rounded())]
    }

    /// The colour for a level in 0...1.
    public func color(at level: Float) -> Color { .indexed(index(at: level)) }
}
