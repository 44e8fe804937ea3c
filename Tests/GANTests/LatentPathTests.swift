import Testing
import GAN

@Suite struct LatentPathTests {
    @Test func endpointsAndMidpoints() {
        let a: [Float] = [1, 0], b: [Float] = [0, 1]
        let linear = LatentPath(from: a, to: b, interpolation: .linear)
        #expect(linear.point(at: 0.5) == [0.5, 0.5])
        #expect(linear.points(count: 3) == [a, [0.5, 0.5], b])

        let spherical = LatentPath(from: a, to: b, interpolation: .spherical)
        let middle = spherical.point(at: 0.5)
        #expect(abs(middle[0] - Float(0.5).squareRoot()) < 1e-6 && abs(middle[1] - Float(0.5).squareRoot()) < 1e-6)
        let ends = spherical.points(count: 2)
        #expect(zip(ends[0], a).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(zip(ends[1], b).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func slerpKeepsTheNormAndFallsBackWhenParallel() {
        let a: [Float] = [3, 0, 0], b: [Float] = [0, 0, 5]
        let point = LatentPath.slerp(a, b, t: 0.25)
        let norm = point.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 3.5) < 1e-5)
        #expect(LatentPath.slerp([1, 1], [2, 2], t: 0.5) == LatentPath.lerp([1, 1], [2, 2], t: 0.5))
        #expect(LatentPath.slerp([0, 0], [2, 2], t: 0.5) == [1, 1])
    }
}
