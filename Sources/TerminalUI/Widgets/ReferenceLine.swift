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
