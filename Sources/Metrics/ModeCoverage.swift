import Datasets

/// Mode coverage of generated 2-D points, by the protocol of the mode-collapse literature
/// (Unrolled GAN, VEEGAN, PacGAN): a point is *high quality* if it lies within `threshold`
/// standard deviations of its nearest mode; a mode is *captured* if it is the nearest mode of at
/// least one high-quality point.
public struct ModeCoverage: Sendable, Equatable {
    public var modesCaptured: Int
    public var modeCount: Int
    /// Share of the points that are high quality, in [0, 1].
    public var highQualityFraction: Double
    /// High-quality points per mode, in the mixture's order.
    public var highQualityPerMode: [Int]

    /// Measures `points` ((x, y) pairs back to back) against the true modes of `mixture`.
    public init(points: [Float], mixture: GaussianMixture, threshold: Float = 3) {
        let count = points.count / 2
        let limit = threshold * mixture.sigma
        var perMode = [Int](repeating: 0, count: mixture.centers.count)
        for i in 0..<count {
            let point = SIMD2(points[2 * i], points[2 * i + 1])
            var nearest = 0
            var nearestDistance = Float.infinity
            for (mode, center) in mixture.centers.enumerated() {
                let offset = point - center
                let distance = (offset * offset).sum()
                if distance < nearestDistance { (nearest, nearestDistance) = (mode, distance) }
            }
            if nearestDistance <= limit * limit { perMode[nearest] += 1 }
        }
        modeCount = mixture.centers.count
        modesCaptured = perMode.filter { $0 > 0 }.count
        highQualityFraction = count > 0 ? Double(perMode.reduce(0, +)) / Double(count) : 0
        highQualityPerMode = perMode
    }
}
