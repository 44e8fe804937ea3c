/// One line of a ``BrailleLineChart``.
public struct ChartSeries: Sendable {
    public var name: String
    public var values: [Float]
    public var style: Style
    /// Drawn dimmed and with the faint mark, e.g. raw values behind a smoothed line.
    public var faint: Bool

    public init(name: String, values: [Float], style: Style, faint: Bool = false) {
        self.name = name
        self.values = values
        self.style = style
        self.faint = faint
    }
}
