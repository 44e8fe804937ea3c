import Datasets
import NeuralNet
import Randomness

/// The fixed inputs behind ``PlaneTheory`` for one 2-D run: a sample of real points and a set of
/// noise vectors whose fakes estimate p_g and carry the gradient arrows. Fixed for the whole run
/// (drawn once from their own random stream), so the picture changes only because G and D do.
struct TheoryProbe: Sendable {
    /// Points in each density estimate: enough for a smooth 64 × 32 grid, a few ms to make.
    static let pointCount = 2000
    /// Fakes that carry an arrow.
    static let arrowCount = 48
    /// The density kernel's standard deviation, in cells of the grid's x axis.
    static let bandwidthCells: Float = 1.5

    let realPoints: [Float]
    let noise: [Float]

    /// Nil for image data sets.
    init?(dataset: Dataset, latentDimension: Int, seed: UInt64) {
        guard case .points = dataset.shape, dataset.count > 0 else { return nil }
        var rng = SeededRNG(seed: seed, stream: RNGStream.theory)
        var real: [Float] = []
        real.reserveCapacity(2 * Self.pointCount)
        for _ in 0..<Self.pointCount {
            let sample = dataset.sample(at: rng.index(below: dataset.count))
            real += [sample[sample.startIndex], sample[sample.startIndex + 1]]
        }
        realPoints = real
        noise = (0..<(Self.pointCount * latentDimension)).map { _ in rng.gaussian() }
    }

    /// D* on `surface`'s grid, its distance from D's surface, and ∇ₓD at the first fakes.
    func theory(model: GANModel, surface: DecisionSurface) -> PlaneTheory {
        let generator = model.generator
        generator.isTraining = false
        defer { generator.isTraining = true }
        let fakes = noise.withUnsafeBufferPointer { noise in
            let output = generator.forward(noise.baseAddress!, batch: Self.pointCount)
            return Array(UnsafeBufferPointer(start: output, count: 2 * Self.pointCount))
        }
        let bandwidth = Self.bandwidthCells * (surface.xRange.upperBound - surface.xRange.lowerBound)
            / Float(surface.columns)
        let density = { (points: [Float]) in
            GridDensity(points: points, xRange: surface.xRange, yRange: surface.yRange, columns: surface.columns,
                        rows: surface.rows, bandwidth: bandwidth).values
        }
        let optimal = PlaneTheory.optimalDiscriminator(realDensity: density(realPoints), fakeDensity: density(fakes))
        let difference = zip(optimal, surface.values).reduce(Float(0)) { $0 + abs($1.0 - $1.1) }
            / Float(max(optimal.count, 1))
        let arrowPoints = Array(fakes[0..<(2 * Self.arrowCount)])
        let gradients = arrowPoints.withUnsafeBufferPointer {
            PlaneTheory.inputGradients(of: model.discriminator, at: $0.baseAddress!, count: Self.arrowCount)
        }
        let arrows = (0..<Self.arrowCount).map { index in
            GradientArrow(point: SIMD2(arrowPoints[2 * index], arrowPoints[2 * index + 1]),
                          gradient: SIMD2(gradients[2 * index], gradients[2 * index + 1]))
        }
        return PlaneTheory(optimal: optimal, meanAbsoluteDifference: difference, arrows: arrows)
    }
}
