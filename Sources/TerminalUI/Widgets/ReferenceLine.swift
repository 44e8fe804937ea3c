/// A dashed horizontal line across a chart at a fixed value, e.g. the equilibrium loss `log 4`.
public struct ReferenceLine: Sendable {
    public var value: Float
    public var style: Style
    public var label: String

    public init(value: Float, style: Style, label: String = "") {
        self.value = value
        self.style = style
        self.label = label
    }
}

/// A dotted vertical line across a chart at `fraction` of the x axis (0 the left end, 1 the right).
public struct ChartMarker: Sendable {
    public var fraction: Float
    public var style: Style

    public init(fraction: Float, style: Style) {
        self.fraction = fraction
        self.style = style
    }
}
