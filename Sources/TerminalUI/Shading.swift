/// The shared fallback for drawing a level in 0...1 into one cell when colour is scarce.
///
/// With 256 colours the shade character is tinted from the ramp; with 8 colours the brightest
/// third is bold and the darkest dim, so three attribute levels multiply the character levels;
/// monochrome relies on the characters alone.
enum Shading {
    static func cell(level: Float, depth: ColorDepth, glyphs: Glyphs, ramp: ColorRamp) -> Cell {
        let character = glyphs.shade(level)
        switch depth {
        case .colors256:
            return Cell(character, style: Style(foreground: ramp.color(at: level)))
        case .colors8:
            return Cell(character, style: Style(foreground: .white, bold: level > 2.0 / 3, dim: level < 1.0 / 3))
        case .monochrome:
            return Cell(character)
        }
    }
}
