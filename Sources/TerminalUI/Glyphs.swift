/// The characters widgets draw with: Unicode box drawing and blocks, or plain ASCII.
///
/// The caller picks ``unicode`` when the locale is UTF-8 and ``ascii`` otherwise, and passes the
/// set to every widget; widgets never choose characters on their own.
public struct Glyphs: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// Shading from empty to full, light to dark coverage.
    public var shadeRamp: [Character]
    /// Bar heights from one eighth to full (a single full character when eighths are unavailable).
    public var barEighths: [Character]
    /// Marks for plots drawn one character per cell, one per series in turn.
    public var plotMarks: [Character]
    /// The mark for faint series and dashed reference lines.
    public var faintMark: Character
    /// Whether braille patterns (U+2800–U+28FF) and half blocks are available.
    public var hasBrailleAndBlocks: Bool
    public var upperHalf: Character
    public var lowerHalf: Character
    public var fullBlock: Character
    /// The legend's colour swatch.
    public var legendMark: Character
    public var sliderTrack: Character
    public var sliderMarker: Character

    /// Box drawing, braille, half and eighth blocks.
    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        shadeRamp: [" ", "░", "▒", "▓", "█"],
        barEighths: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        plotMarks: ["•", "+", "x", "o"], faintMark: "·",
        hasBrailleAndBlocks: true, upperHalf: "▀", lowerHalf: "▄", fullBlock: "█",
        legendMark: "■", sliderTrack: "─", sliderMarker: "●")

    /// 7-bit ASCII only, for non-UTF-8 locales.
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        shadeRamp: [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"],
        barEighths: ["#"],
        plotMarks: ["*", "+", "x", "o"], faintMark: ".",
        hasBrailleAndBlocks: false, upperHalf: "#", lowerHalf: "#", fullBlock: "#",
        legendMark: "#", sliderTrack: "-", sliderMarker: "O")

    /// The set for a locale: Unicode when its character set is UTF-8.
    public static func forLocale(isUTF8: Bool) -> Glyphs { isUTF8 ? .unicode : .ascii }

    /// The plot mark for the series at `index`, cycling through ``plotMarks``.
    public func plotMark(_ index: Int) -> Character {
        plotMarks.isEmpty ? "*" : plotMarks[index % plotMarks.count]
    }

    /// The shade character for a coverage level in 0...1.
    public func shade(_ level: Float) -> Character {
        guard let last = shadeRamp.indices.last else { return " " }
        let clamped = level.isNaN ? 0 : min(max(level, 0), 1)
        return shadeRamp[Int((clamped * Float(last)).rounded())]
    }
}
