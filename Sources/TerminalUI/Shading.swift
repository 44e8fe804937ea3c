/// The shared fallback for drawing a level in 0...1 into one cell when colour is scarce.
///
/// With 256 colours the shade character is tinted from the ramp (or with `tint`, a colour
/// picture's own colour); with 8 colours the brightest third is bold and the darkest dim, so three
/// attribute levels multiply the character levels, in white or the basic colour nearest `tint`;
/// monochrome relies on the characters alone.
enum Shading {
    static func cell(level: Float, depth: ColorDepth, glyphs: Glyphs, ramp: ColorRamp, tint: Color? = nil) -> Cell {
        let character = glyphs.shade(level)
        switch depth {
        case .direct, .colors256:
            return Cell(character, style: Style(foreground: tint ?? ramp.color(at: level)))
        case .colors8:
            let colour = tint.map { $0.nearestBasic == .black ? .white : $0.nearestBasic } ?? .white
            return Cell(character, style: Style(foreground: colour, bold: level > 2.0 / 3, dim: level < 1.0 / 3))
        case .monochrome:
            return Cell(character)
        }
    }
}
