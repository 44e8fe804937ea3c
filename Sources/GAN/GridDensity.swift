/// A density of 2-D points on the cells of a grid (the geometry of ``DecisionSurface``: row 0 at
/// the top), as a Gaussian kernel density estimate made cheap: the points are counted into cells,
/// then the counts are blurred with a separable Gaussian of standard deviation `bandwidth` (in
/// data units). The result is each cell's share of all the points, so points outside the window
/// lower the density inside it.
///
/// Hand-written rather than taken from a library: it is a histogram and two 1-D convolutions,
/// and no Debian package offers a 2-D KDE for Swift.
public struct GridDensity: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    /// Per cell, row-major; sums to at most 1.
    public let values: [Float]

    /// - Parameters:
    ///   - points: (x, y) pairs back to back.
    ///   - bandwidth: the kernel's standard deviation in data units; 0 leaves the plain histogram.
    public init(points: [Float], xRange: ClosedRange<Float>, yRange: ClosedRange<Float>, columns: Int, rows: Int,
                bandwidth: Float) {
        precondition(columns > 0 && rows > 0 && xRange.upperBound > xRange.lowerBound
            && yRange.upperBound > yRange.lowerBound && bandwidth >= 0)
        self.columns = columns
        self.rows = rows
        let width = xRange.upperBound - xRange.lowerBound, height = yRange.upperBound - yRange.lowerBound
        var counts = [Float](repeating: 0, count: columns * rows)
        let pointCount = points.count / 2
        for index in 0..<pointCount {
            let u = (points[2 * index] - xRange.lowerBound) / width
            let v = (yRange.upperBound - points[2 * index + 1]) / height
            // NaN fails both tests and is left out, as points beyond the window are.
            guard u >= 0, u <= 1, v >= 0, v <= 1 else { continue }
            counts[min(Int(v * Float(rows)), rows - 1) * columns + min(Int(u * Float(columns)), columns - 1)] += 1
        }
        let share = 1 / Float(max(pointCount, 1))
        var values = counts.map { $0 * share }
        if bandwidth > 0 {
            values = Self.blur(values, stride: 1, count: columns, lines: rows,
                               lineStride: columns, kernel: Self.kernel(sigma: bandwidth / (width / Float(columns))))
            values = Self.blur(values, stride: columns, count: rows, lines: columns,
                               lineStride: 1, kernel: Self.kernel(sigma: bandwidth / (height / Float(rows))))
        }
        self.values = values
    }

    /// A Gaussian of standard deviation `sigma` cells sampled at whole cells out to 3σ,
    /// normalised to sum 1; index `radius` is the centre.
    static func kernel(sigma: Float) -> [Float] {
        let radius = max(Int((3 * sigma).rounded(.up)), 0)
        guard sigma > 0 else { return [1] }
        let weights = (-radius...radius).map { offset in Float.exp(-Float(offset * offset) / (2 * sigma * sigma)) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Convolves every line of the grid with `kernel`: `lines` lines of `count` cells, cells
    /// `stride` apart, lines `lineStride` apart. Mass blurred past the edge is lost, as the
    /// kernel's tail beyond the window is.
    private static func blur(_ values: [Float], stride: Int, count: Int, lines: Int, lineStride: Int,
                              kernel: [Float]) -> [Float] {
        let radius = kernel.count / 2
        var result = [Float](repeating: 0, count: values.count)
        for line in 0..<lines {
            let start = line * lineStride
            for position in 0..<count {
                var sum: Float = 0
                for offset in -radius...radius where (0..<count).contains(position + offset) {
                    sum += kernel[offset + radius] * values[start + (position + offset) * stride]
                }
                result[start + position * stride] = sum
            }
        }
        return result
    }
}
