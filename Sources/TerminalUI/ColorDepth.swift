/// How many colours the terminal can show; widgets that shade degrade with it.
public enum ColorDepth: Sendable, Hashable {
    /// The xterm 256-colour palette.
    case colors256
    /// The 8 basic colours; shading falls back to characters plus bold/dim.
    case colors8
    /// No colour: shading characters and attributes only.
    case monochrome
}
