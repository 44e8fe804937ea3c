import Foundation
import Randomness

/// The 2-D toy distributions: ring, grid and spiral, in their natural coordinates.
///
/// These are the classic tests of mode collapse: a generator that covers 3 of the ring's 8
/// modes is easy to see in a scatter plot and to count with ``GaussianMixture``.
enum PointSets {
    static let defaultCount = 50_000

    /// 8 Gaussians (σ 0.02) on a circle of radius 2, at angles 2πk/8; label = mode.
    ///
    /// The angles are k/8 of a turn for k in 0..<8, not `linspace(0, 2π, 8)`, whose first and
    /// last points coincide and leave only 7 distinct modes.
    static func ring(count: Int, seed: UInt64, split: DataSplit) -> Dataset {
        let centers = (0..<8).map { k in
            let angle = 2 * Float.pi * Float(k) / 8
            return 2 * SIMD2(cos(angle), sin(angle))
        }
        return mixture(name: "ring", GaussianMixture(centers: centers, sigma: 0.02), count: count,
                       rng: split.generator(seed: seed, family: 3, index: 0))
    }

    /// 25 Gaussians (σ 0.05) at {-4, -2, 0, 2, 4}²; label = mode, row by row.
    static func grid(count: Int, seed: UInt64, split: DataSplit) -> Dataset {
        let steps: [Float] = [-4, -2, 0, 2, 4]
        let centers = steps.flatMap { y in steps.map { x in SIMD2(x, y) } }
        return mixture(name: "grid", GaussianMixture(centers: centers, sigma: 0.05), count: count,
                       rng: split.generator(seed: seed, family: 4, index: 0))
    }

    /// An Archimedean spiral of two turns reaching radius 4, with Gaussian noise σ 0.05; no labels.
    ///
    /// The angle is drawn as 4π·√u so that points spread evenly along the curve rather than
    /// crowding at the centre (arc length grows with the square of the angle).
    static func spiral(count: Int, seed: UInt64, split: DataSplit) -> Dataset {
        var rng = split.generator(seed: seed, family: 5, index: 0)
        let turns: Float = 2, maxRadius: Float = 4, noise: Float = 0.05
        var samples = [Float]()
        samples.reserveCapacity(2 * count)
        for _ in 0..<count {
            let angle = 2 * Float.pi * turns * rng.uniform().squareRoot()
            let radius = maxRadius * angle / (2 * Float.pi * turns)
            samples.append(radius * cos(angle) + noise * rng.gaussian())
            samples.append(radius * sin(angle) + noise * rng.gaussian())
        }
        return Dataset(name: "spiral", shape: .points, samples: samples)
    }

    /// `count` points from `mixture`; point `i` comes from mode `i % modes`, so modes are balanced.
    private static func mixture(name: String, _ mixture: GaussianMixture, count: Int,
                                rng: SeededRNG) -> Dataset {
        var rng = rng
        var samples = [Float]()
        samples.reserveCapacity(2 * count)
        let labels = (0..<count).map { $0 % mixture.centers.count }
        for label in labels {
            let center = mixture.centers[label]
            samples.append(center.x + mixture.sigma * rng.gaussian())
            samples.append(center.y + mixture.sigma * rng.gaussian())
        }
        let classNames = mixture.centers.map { "(\(format($0.x)), \(format($0.y)))" }
        return Dataset(name: name, shape: .points, samples: samples, labels: labels,
                       classNames: classNames, mixture: mixture)
    }

    /// A centre coordinate with two decimals, e.g. "1.41" or "-2.00".
    private static func format(_ value: Float) -> String {
        let rounded = (value * 100).rounded() / 100
        return String(format: "%.2f", rounded == 0 ? 0 : rounded)  // no "-0.00" from cos(π/2) ≈ -1e-7
    }
}
