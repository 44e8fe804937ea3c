/// One set of points in a ``Scatter`` plot, in data coordinates.
public struct ScatterSeries: Sendable {
    public var points: [SIMD2<Float>]
    public var style: Style

    public init(points: [SIMD2<Float>], style: Style) {
        self.points = points
        self.style = style
    }
}
