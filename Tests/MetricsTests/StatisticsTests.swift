@testable import Metrics
import Randomness
import Testing

/// The scalar statistics on hand-made cases with known answers.
@Suite struct StatisticsTests {
    @Test func aucOfIdenticalSetsIsOneHalf() {
        let scores: [Float] = [0.1, 0.4, 0.4, 0.7, 0.9]
        #expect(RankAUC.area(positives: scores, negatives: scores) == 0.5)
        #expect(RankAUC.area(positives: [0.3, 0.3], negatives: [0.3]) == 0.5)
    }

    @Test func aucOfSeparatedSets() {
        #expect(RankAUC.area(positives: [0.6, 0.7, 0.99], negatives: [0.1, 0.2]) == 1)
        #expect(RankAUC.area(positives: [0.1, 0.2], negatives: [0.6, 0.7, 0.99]) == 0)
    }

    @Test func aucCountsTiesHalf() {
        // Pairs: (0.9 > 0.1), (0.9 > 0.8), (0.8 > 0.1), (0.8 = 0.8) → 3.5 / 4.
        #expect(RankAUC.area(positives: [0.9, 0.8], negatives: [0.1, 0.8]) == 0.875)
    }

    @Test func frechetDistanceOfASetWithItselfIsZero() throws {
        var rng = SeededRNG(seed: 3)
        let rows = correlatedRows(count: 4_000, dimension: 5, rng: &rng)
        let statistics = FeatureStatistics(rows: rows, dimension: 5)
        #expect(try FrechetDistance.between(statistics, statistics) < 1e-8)
    }

    @Test func frechetDistanceOfIsotropicGaussians() throws {
        // N(0, a²I) vs N(m, b²I) in d dimensions: d² = ‖m‖² + d (a − b)².
        let d = 4
        let a = FeatureStatistics(mean: [0, 0, 0, 0], covariance: diagonal(d, 4))
        let b = FeatureStatistics(mean: [1, 2, 0, 0], covariance: diagonal(d, 1))
        #expect(abs(try FrechetDistance.between(a, b) - (5 + 4 * 1)) < 1e-9)
    }

    @Test func frechetDistanceMatchesTheTwoByTwoClosedForm() throws {
        // For 2×2 M with positive eigenvalues, Tr √M = √(Tr M + 2 √det M); Σ₁Σ₂ does not commute here.
        let s1: [Double] = [2, 0.7, 0.7, 1], s2: [Double] = [1, -0.4, -0.4, 3]
        let m = [s1[0] * s2[0] + s1[1] * s2[2], s1[0] * s2[1] + s1[1] * s2[3],
                 s1[2] * s2[0] + s1[3] * s2[2], s1[2] * s2[1] + s1[3] * s2[3]]
        let traceRoot = (m[0] + m[3] + 2 * (m[0] * m[3] - m[1] * m[2]).squareRoot()).squareRoot()
        let expected = 1 + 3 + 4 - 2 * traceRoot  // means (1, 0) apart
        let a = FeatureStatistics(mean: [0, 0], covariance: s1)
        let b = FeatureStatistics(mean: [1, 0], covariance: s2)
        #expect(abs(try FrechetDistance.between(a, b) - expected) < 1e-9)
    }

    @Test func covarianceMatchesTheDefinition() {
        let rows: [Float] = [1, 2, 3, 6, 5, 1]  // three 2-D rows
        let statistics = FeatureStatistics(rows: rows, dimension: 2)
        #expect(statistics.mean == [3, 3])
        // x: −2, 0, 2; y: −1, 3, −2 → var x 4, var y 7, cov −1 (n − 1 = 2).
        #expect(statistics.covariance == [4, -1, -1, 7])
    }

    @Test func classCoverageAndKL() {
        let real = ClassDistribution(labels: Array(0..<10), classCount: 10)
        let collapsed = ClassDistribution(labels: Array(repeating: 4, count: 95) + Array(0..<5), classCount: 10)
        #expect(collapsed.covered() == 1)  // four classes at 1 % are under half the uniform 10 %
        #expect(real.covered() == 10)
        #expect(real.kl(from: real) == 0)
        #expect(abs(ClassDistribution(labels: [0, 0], classCount: 2).kl(from: ClassDistribution(labels: [0, 1], classCount: 2))
                    - Double.log(2)) < 1e-12)
        #expect(collapsed.kl(from: real) > 1.5)
    }

    private func diagonal(_ d: Int, _ value: Double) -> [Double] {
        (0..<(d * d)).map { $0 / d == $0 % d ? value : 0 }
    }

    /// Rows with correlated coordinates: x_j = g_j + 0.5 g_{j−1}.
    private func correlatedRows(count: Int, dimension: Int, rng: inout SeededRNG) -> [Float] {
        (0..<count).flatMap { _ in
            let g = (0..<dimension).map { _ in rng.gaussian() }
            return (0..<dimension).map { g[$0] + ($0 > 0 ? 0.5 * g[$0 - 1] : 0) }
        }
    }
}
