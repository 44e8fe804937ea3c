/// A 2-D histogram of points on a `bins` × `bins` grid over a fixed window, plus one bin for
/// every point outside it, so that mass a generator throws far away still counts as a mismatch.
public struct PointHistogram: Sendable, Equatable {
    public let xRange: ClosedRange<Float>
    public let yRange: ClosedRange<Float>
    public let bins: Int
    /// Counts per cell, row-major, then the outside bin last.
    public private(set) var counts: [Int]

    /// Bins `points` ((x, y) pairs back to back).
    public init(points: [Float], xRange: ClosedRange<Float>, yRange: ClosedRange<Float>, bins: Int = 50) {
        precondition(bins > 0 && xRange.upperBound > xRange.lowerBound && yRange.upperBound > yRange.lowerBound)
        self.xRange = xRange
        self.yRange = yRange
        self.bins = bins
        counts = [Int](repeating: 0, count: bins * bins + 1)
        for i in 0..<(points.count / 2) {
            counts[cell(x: points[2 * i], y: points[2 * i + 1])] += 1
        }
    }

    /// Points binned.
    public var total: Int { counts.reduce(0, +) }

    /// The index into `counts` for a point: its cell, or the outside bin.
    func cell(x: Float, y: Float) -> Int {
        let u = (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        let v = (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound)
        // The upper edge belongs to the last cell; NaN fails both tests and lands outside.
        guard u >= 0, u <= 1, v >= 0, v <= 1 else { return bins * bins }
        let column = min(Int(u * Float(bins)), bins - 1)
        let row = min(Int(v * Float(bins)), bins - 1)
        return row * bins + column
    }
}
