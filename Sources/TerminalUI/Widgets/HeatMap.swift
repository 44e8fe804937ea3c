/// Values in 0...1 over a plot's data bounds, drawn as background colour behind a ``Scatter``,
/// e.g. the discriminator's probability of "real" over the plane.
public enum HeatMap: Sendable {
    /// Sampled at the centre of every cell, in data coordinates.
    case function(@Sendable (_ x: Float, _ y: Float) -> Float)
    /// Row-major samples covering the bounds evenly, row 0 at the top (the largest y).
    case grid(values: [Float], width: Int, height: Int)

    /// The level at data point (x, y), or nil when a grid has no sample there.
    func level(x: Float, y: Float, xRange: ClosedRange<Float>, yRange: ClosedRange<Float>) -> Float? {
        switch self {
        case .function(let heat):
            return heat(x, y)
        case .grid(let values, let width, let height):
            guard width > 0, height > 0, values.count >= width * height else { return nil }
            let u = (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
            let v = (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound)
            let column = min(max(Int(u * Float(width)), 0), width - 1)
            let row = min(max(Int(v * Float(height)), 0), height - 1)
            return values[row * width + column]
        }
    }
}
