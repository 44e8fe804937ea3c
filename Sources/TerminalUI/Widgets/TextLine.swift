/// One line of styled text with its alignment.
public struct TextLine: Sendable, Hashable, ExpressibleByStringLiteral {
    /// Where a line sits in its row when it is narrower than the area.
    public enum Alignment: Sendable {
        case left, center, right
    }

    public var spans: [Span]
    public var alignment: Alignment

    public init(_ spans: [Span], alignment: Alignment = .left) {
        self.spans = spans
        self.alignment = alignment
    }

    /// A line of one span.
    public init(_ text: String, style: Style = .plain, alignment: Alignment = .left) {
        self.init([Span(text, style: style)], alignment: alignment)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The columns the line takes.
    public var width: Int { spans.reduce(0) { $0 + $1.text.terminalWidth } }
}
