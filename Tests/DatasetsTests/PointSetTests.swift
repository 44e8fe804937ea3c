import Datasets
import Testing

@Suite struct PointSetTests {
    private func point(_ data: Dataset, _ index: Int) -> SIMD2<Float> {
        SIMD2(data.samples[2 * index], data.samples[2 * index + 1])
    }

    private func distance(_ a: SIMD2<Float>, _ b: SIMD2<Float>) -> Float {
        let d = a - b
        return (d * d).sum().squareRoot()
    }

    /// Splits `data` by label and checks each cluster's centre and spread against the mixture.
    private func checkModes(_ data: Dataset, expectedModes: Int, sigma: Float) throws {
        let mixture = try #require(data.mixture)
        #expect(mixture.centers.count == expectedModes && mixture.sigma == sigma)
        #expect(Set(mixture.centers.map { "\($0)" }).count == expectedModes)  // all distinct
        let labels = try #require(data.labels)
        for (mode, center) in mixture.centers.enumerated() {
            let points = labels.indices.filter { labels[$0] == mode }.map { point(data, $0) }
            #expect(abs(points.count - data.count / expectedModes) <= 1)
            let mean = points.reduce(SIMD2<Float>.zero, +) / Float(points.count)
            let spread = points.map { distance($0, mean) * distance($0, mean) / 2 }.reduce(0, +) / Float(points.count)
            #expect(distance(mean, center) < 4 * sigma / Float(points.count).squareRoot())
            #expect(abs(spread.squareRoot() - sigma) < 0.1 * sigma)
        }
    }

    @Test func ringHasEightModesAtRadiusTwo() throws {
        let data = try DatasetCatalog.load("ring", seed: 11, count: 16_000)
        try checkModes(data, expectedModes: 8, sigma: 0.02)
        let centers = try #require(data.mixture).centers
        for center in centers { #expect(abs(distance(center, .zero) - 2) < 1e-5) }
        // Nearest-mode assignment of every point: each of the 8 modes gets exactly its share.
        var hits = [Int](repeating: 0, count: 8)
        for i in 0..<data.count {
            let p = point(data, i)
            let nearest = centers.indices.min { distance(centers[$0], p) < distance(centers[$1], p) }
            hits[nearest ?? 0] += 1
        }
        #expect(hits.allSatisfy { $0 == 2_000 })
    }

    @Test func gridHasTwentyFiveModes() throws {
        let data = try DatasetCatalog.load("grid", seed: 11, count: 25_000)
        try checkModes(data, expectedModes: 25, sigma: 0.05)
        #expect(Set(try #require(data.mixture).centers.flatMap { [$0.x, $0.y] }) == [-4, -2, 0, 2, 4])
    }

    @Test func spiralStaysWithinRadiusFour() throws {
        let data = try DatasetCatalog.load("spiral", seed: 11, count: 5_000)
        #expect(data.shape == .points && data.labels == nil && data.mixture == nil)
        let radii = (0..<data.count).map { distance(point(data, $0), .zero) }
        let largest = try #require(radii.max())
        #expect(largest < 4.3 && largest > 3.8)
        #expect(radii.filter { $0 < 2 }.count > 500)  // both turns are populated
    }
}
