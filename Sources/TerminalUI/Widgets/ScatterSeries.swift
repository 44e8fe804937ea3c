/// One set of points in a ``Scatter`` plot, in data coordinates.
public struct ScatterSeries: Sendable {
    public var points: [SIMD2<Float>]
    public var style: Style

    public init(points: [SIMD2<Float>], style: Style) {
        self.points = points
        self.style = style
    }
}

/// Arrows drawn over a scatter plot: from each point, a stroke `length` dots long along its
/// direction (only the direction counts, not the size).
public struct ScatterArrows: Sendable {
    public struct Arrow: Sendable {
        public var point: SIMD2<Float>
        public var direction: SIMD2<Float>

        public init(point: SIMD2<Float>, direction: SIMD2<Float>) {
            self.point = point
            self.direction = direction
        }
    }

    public var arrows: [Arrow]
    public var style: Style
    public var length: Int

    public init(arrows: [Arrow], style: Style, length: Int = 6) {
        self.arrows = arrows
        self.style = style
        self.length = length
    }
}
