/// How a cell is drawn: foreground and background colours plus text attributes.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    /// Faint text (SGR 2); terminals without it usually draw normal text.
    public var dim: Bool
    /// Swaps foreground and background.
    public var reverse: Bool

    /// The terminal's default look.
    public static let plain = Style()

    public init(foreground: Color = .default, background: Color = .default,
                bold: Bool = false, dim: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
    }

    /// A copy with another foreground colour.
    public func foreground(_ color: Color) -> Style {
        var copy = self
        copy.foreground = color
        return copy
    }

    /// A copy with another background colour.
    public func background(_ color: Color) -> Style {
        var copy = self
        copy.background = color
        return copy
    }

    /// A bold copy.
    public var bolded: Style {
        var copy = self
        copy.bold = true
        return copy
    }

    /// A faint copy.
    public var dimmed: Style {
        var copy = self
        copy.dim = true
        return copy
    }

    /// A reversed copy.
    public var reversed: Style {
        var copy = self
        copy.reverse = true
        return copy
    }
}
