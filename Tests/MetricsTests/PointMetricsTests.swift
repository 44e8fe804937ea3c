import Datasets
import Foundation
import GAN
@testable import Metrics
import Randomness
import Testing

/// Mode coverage and grid divergences on the ring, whose true modes are known.
@Suite struct PointMetricsTests {
    let ring: Dataset
    let heldOut: Dataset

    init() throws {
        ring = try DatasetCatalog.load("ring", seed: 1, count: 2_500)
        heldOut = try DatasetCatalog.load("ring", seed: 1, split: .test, count: 10_000)
    }

    var mixture: GaussianMixture { ring.mixture ?? GaussianMixture(centers: [], sigma: 1) }

    @Test func realPointsCoverEveryMode() {
        let coverage = ModeCoverage(points: ring.samples, mixture: mixture)
        #expect(coverage.modesCaptured == 8 && coverage.modeCount == 8)
        // Within 3σ of the centre in 2-D: 1 − e^{−9/2} ≈ 98.9 % of Gaussian samples.
        #expect(coverage.highQualityFraction > 0.97)
    }

    @Test func collapsedGeneratorScoresOneMode() {
        let center = mixture.centers[3]
        var rng = SeededRNG(seed: 2)
        let points = (0..<2_500).flatMap { _ -> [Float] in
            [center.x + 0.01 * rng.gaussian(), center.y + 0.01 * rng.gaussian()]
        }
        let coverage = ModeCoverage(points: points, mixture: mixture)
        #expect(coverage.modesCaptured == 1)
        #expect(coverage.highQualityPerMode[3] == 2_500)
    }

    @Test func strayPointsAreNotHighQuality() {
        // Half the points midway between modes (radius 2, angle π/8): nearest to a mode, but far.
        let stray = SIMD2<Float>(2 * cos(Float.pi / 8), 2 * sin(Float.pi / 8))
        let points = ring.samples.prefix(2_000) + (0..<1_000).flatMap { _ -> [Float] in [stray.x, stray.y] }
        let coverage = ModeCoverage(points: Array(points), mixture: mixture)
        #expect(abs(coverage.highQualityFraction - 0.5 * 0.989) < 0.02)
    }

    @Test func divergencesOfRealAgainstRealAreSmall() {
        let (real, sameDistribution) = histograms(of: ring.samples)
        let divergence = DensityDivergence(real: real, generated: sameDistribution)
        #expect(divergence.kl < 0.05 && divergence.js < 0.02)
        let identical = DensityDivergence(real: real, generated: real)
        #expect(identical.kl == 0 && identical.js == 0)
    }

    @Test func divergencesGrowWithCollapseAndJSIsBounded() {
        let oneMode = (0..<2_500).flatMap { i in Array(ring.sample(at: 8 * (i % (ring.count / 8)))) }  // label 0
        let (real, collapsed) = histograms(of: oneMode)
        let divergence = DensityDivergence(real: real, generated: collapsed)
        #expect(divergence.kl > 5)
        // All mass on one of eight equal modes: JS = ½[(7/8) log 2 + (1/8) log(2/9) + log(16/9)] ≈ 0.497.
        #expect(abs(divergence.js - 0.497) < 0.02 && divergence.js <= Double.log(2), "\(divergence)")
    }

    @Test func pointsOutsideTheWindowLandInTheOutsideBin() {
        let histogram = PointHistogram(points: [100, 0, 0, 0, .nan, 0], xRange: -1...1, yRange: -1...1, bins: 4)
        #expect(histogram.counts.last == 2 && histogram.total == 3)
    }

    /// The held-out reference and `points` on the ring's window.
    private func histograms(of points: [Float]) -> (PointHistogram, PointHistogram) {
        let bounds = ring.pointBounds ?? (-3...3, -3...3)
        return (PointHistogram(points: heldOut.samples, xRange: bounds.x, yRange: bounds.y),
                PointHistogram(points: points, xRange: bounds.x, yRange: bounds.y))
    }
}
