/// How many colours the terminal can show; widgets that shade degrade with it.
public enum ColorDepth: Sendable, Hashable {
    /// 24-bit colour (`Color.direct`) besides the xterm 256-colour palette: the terminal declares
    /// direct colour (terminfo `RGB` or `Tc`, or `COLORTERM=truecolor`/`24bit`).
    case direct
    /// The xterm 256-colour palette.
    case colors256
    /// The 8 basic colours; shading falls back to characters plus bold/dim.
    case colors8
    /// No colour: shading characters and attributes only.
    case monochrome

    /// The depth of a terminal whose terminfo entry gives `colors` colours and whose flags
    /// `directFlag` says whether it has `RGB` or `Tc`, run with `environment`.
    ///
    /// Terminals rarely say they take 24-bit colour in terminfo (xterm-direct does, with `RGB`,
    /// and then reports millions of colours); most say so in `COLORTERM` instead, which is only
    /// believed of a terminal that has the 256-colour palette at least.
    public static func detect(colors: Int, directFlag: Bool, environment: [String: String]) -> ColorDepth {
        let colorTerm = environment["COLORTERM"]?.lowercased()
        let declaresDirect = directFlag || colors > 256 || colorTerm == "truecolor" || colorTerm == "24bit"
        if colors >= 256 { return declaresDirect ? .direct : .colors256 }
        return colors >= 8 ? .colors8 : .monochrome
    }

    /// Whether the 256-colour palette (and so half-block pictures) can be shown.
    public var hasPalette: Bool { self == .direct || self == .colors256 }
}
