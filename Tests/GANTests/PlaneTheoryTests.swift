import Datasets
@testable import GAN
import NeuralNet
import Randomness
import Testing

/// The theory drawn on 2-D data sets: D* from densities, and ∇ₓD for G's arrows.
@Suite struct PlaneTheoryTests {
    @Test func optimalDiscriminatorIsTheShareOfRealDensity() {
        let optimal = PlaneTheory.optimalDiscriminator(realDensity: [0.3, 0.1, 0, 0, 0.2],
                                                       fakeDensity: [0.1, 0.3, 0.4, 0, 0.2])
        // p / (p + q) by hand; ½ where neither set has mass.
        let expected: [Float] = [0.75, 0.25, 0, 0.5, 0.5]
        #expect(zip(optimal, expected).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    /// A tiny ring: four real points on the unit circle, four fakes collapsed near the centre and
    /// one on a real point, on a 4 × 4 grid over −2…2 (cells 1 wide). Without blur each cell's
    /// density is its share of the points, so D* is known cell by cell.
    @Test func ringDStarMatchesAHandComputation() {
        let real: [Float] = [1.5, 0.5, -1.5, 0.5, 0.5, 1.5, 0.5, -1.5]
        let fake: [Float] = [0.2, 0.3, 0.4, 0.1, -0.3, -0.6, 1.5, 0.5]
        let density = { (points: [Float]) in
            GridDensity(points: points, xRange: -2...2, yRange: -2...2, columns: 4, rows: 4, bandwidth: 0).values
        }
        let optimal = PlaneTheory.optimalDiscriminator(realDensity: density(real), fakeDensity: density(fake))
        // Row 0 is y in 1…2, column 0 x in −2…−1.
        let expected: [Float] = [
            0.5, 0.5, 1, 0.5,
            1, 0.5, 0, 0.5,    // (−1.5, 0.5) a real alone; two fakes alone; (1.5, 0.5) ¼ real, ¼ fake: ½
            0.5, 0, 0.5, 0.5,  // (−0.3, −0.6) a fake alone
            0.5, 0.5, 1, 0.5,
        ]
        #expect(optimal.count == 16)
        #expect(zip(optimal, expected).allSatisfy { abs($0 - $1) < 1e-6 }, "\(optimal)")
    }

    @Test func densityIsEachCellsShareAndTheBlurKeepsInteriorMass() {
        let plain = GridDensity(points: [0.5, 0.5, 0.6, 0.4, 5, 5], xRange: 0...4, yRange: 0...4, columns: 4, rows: 4,
                                bandwidth: 0)
        // Two of three points in the bottom-left cell (row 3, column 0); the third is outside.
        #expect(abs(plain.values[12] - 2.0 / 3) < 1e-6)
        #expect(abs(plain.values.reduce(0, +) - 2.0 / 3) < 1e-6)
        let blurred = GridDensity(points: [2.1, 2.1], xRange: 0...4, yRange: 0...4, columns: 8, rows: 8, bandwidth: 0.4)
        #expect(abs(blurred.values.reduce(0, +) - 1) < 1e-3)
        // Spread evenly around its cell (row 3, column 4 of 8): equal one cell left and right.
        #expect(abs(blurred.values[3 * 8 + 3] - blurred.values[3 * 8 + 5]) < 1e-6)
        #expect(blurred.values[3 * 8 + 4] > blurred.values[3 * 8 + 5])
    }

    /// ∇ₓD of a tiny fixed network against central finite differences of D = σ(logit).
    @Test func inputGradientsMatchFiniteDifferences() {
        var rng = SeededRNG(seed: 11)
        let discriminator = MLP<Double>(sizes: [2, 5, 1], activations: [.tanh, .identity], rng: &rng)
        let points: [Double] = [0.3, -0.7, -1.2, 0.4, 0.05, 0.9]
        let gradients = points.withUnsafeBufferPointer {
            PlaneTheory.inputGradients(of: discriminator, at: $0.baseAddress!, count: 3)
        }
        let probability = { (x: [Double]) -> Double in
            x.withUnsafeBufferPointer { BinaryCrossEntropy.sigmoid(discriminator.forward($0.baseAddress!, batch: 1)[0]) }
        }
        let h = 1e-5
        for index in 0..<points.count {
            let row = index / 2, point = Array(points[(2 * row)..<(2 * row + 2)])
            var plus = point, minus = point
            plus[index % 2] += h
            minus[index % 2] -= h
            let numeric = (probability(plus) - probability(minus)) / (2 * h)
            #expect(abs(gradients[index] - numeric) < 1e-8, "coordinate \(index): \(gradients[index]) vs \(numeric)")
        }
    }

    /// On `ring`: the arrows start at G(z) for the probe's first noise rows and point along ∇ₓD
    /// there (finite differences of the Float network), and the reported mean |D − D*| is that
    /// of the two grids sent.
    @Test func ringProbeArrowsFollowTheGradientAtTheFakes() throws {
        let gan = try makeGAN(dataset: "ring", batch: 16)
        for _ in 0..<20 { _ = gan.step() }
        let probe = try #require(TheoryProbe(dataset: gan.dataset, latentDimension: gan.model.latentDimension, seed: 7))
        let bounds = try #require(gan.dataset.pointBounds)
        let surface = DecisionSurface(step: 20, discriminator: gan.model.discriminator, xRange: bounds.x,
                                      yRange: bounds.y, columns: 16, rows: 8)
        let theory = probe.theory(model: gan.model, surface: surface)
        let mean = zip(theory.optimal, surface.values).map { abs($0 - $1) }.reduce(0, +) / 128
        #expect(abs(theory.meanAbsoluteDifference - mean) < 1e-5)
        let latent = gan.model.latentDimension
        for (index, arrow) in theory.arrows.prefix(4).enumerated() {
            let noise = Array(probe.noise[(index * latent)..<((index + 1) * latent)])
            let fake = noise.withUnsafeBufferPointer { gan.model.generator.forward($0.baseAddress!, batch: 1) }
            #expect(abs(arrow.point.x - fake[0]) < 1e-5 && abs(arrow.point.y - fake[1]) < 1e-5)
            let probability = { (x: [Float]) -> Float in
                x.withUnsafeBufferPointer {
                    BinaryCrossEntropy.sigmoid(gan.model.discriminator.forward($0.baseAddress!, batch: 1)[0])
                }
            }
            let h: Float = 1e-2
            let p = [arrow.point.x, arrow.point.y]
            let numeric = SIMD2((probability([p[0] + h, p[1]]) - probability([p[0] - h, p[1]])) / (2 * h),
                                (probability([p[0], p[1] + h]) - probability([p[0], p[1] - h])) / (2 * h))
            let scale = max(abs(numeric.x), abs(numeric.y), 1e-3)
            #expect(abs(arrow.gradient.x - numeric.x) < 0.05 * scale && abs(arrow.gradient.y - numeric.y) < 0.05 * scale,
                    "arrow \(index): \(arrow.gradient) vs \(numeric)")
        }
    }
}
