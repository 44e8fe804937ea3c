import Testing
@testable import Dashboard

@Suite struct InterpolationTests {
    private func norm(_ v: [Float]) -> Float { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    @Test(arguments: [Interpolation.lerp, .slerp])
    func endsAtTheEndpoints(path: Interpolation) {
        let a: [Float] = [1, 0, 2], b: [Float] = [0, 3, -1]
        #expect(path.point(a, b, t: 0).enumerated().allSatisfy { abs($0.element - a[$0.offset]) < 1e-5 })
        #expect(path.point(a, b, t: 1).enumerated().allSatisfy { abs($0.element - b[$0.offset]) < 1e-5 })
    }

    @Test func slerpKeepsTheLengthWhereLerpShrinksIt() {
        let a: [Float] = [2, 0], b: [Float] = [0, 2]
        #expect(abs(norm(Interpolation.slerp.point(a, b, t: 0.5)) - 2) < 1e-5)
        #expect(abs(norm(Interpolation.lerp.point(a, b, t: 0.5)) - Float(2).squareRoot()) < 1e-5)
    }

    @Test func slerpOfParallelVectorsIsTheStraightLine() {
        let a: [Float] = [1, 1], b: [Float] = [2, 2]
        #expect(Interpolation.slerp.point(a, b, t: 0.5) == Interpolation.lerp.point(a, b, t: 0.5))
    }
}
