import Foundation
import NeuralNet
import Randomness
import Synchronization
import Testing
import TestSupport

/// Products split across workers (`parallelGemm`) against the same product in one BLAS call, and
/// single-threaded BLAS called from several threads at once, as the split does.
@Suite struct MatrixProductTests {
    /// One row-major product's shape and operands, with C larger than m × n (ldc > n) so that a
    /// band writing past its columns would show.
    struct Case: CustomTestStringConvertible, Sendable {
        let transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int
        var testDescription: String { "\(transposeA ? "T" : "N")\(transposeB ? "T" : "N") \(m)×\(n)×\(k)" }
        var lda: Int { transposeA ? m : k }
        var ldb: Int { transposeB ? k : n }
        var ldc: Int { n + 3 }
    }

    /// Large enough to be split (more than 2²¹ multiply-adds a band): wide products in bands of
    /// columns, tall ones in bands of rows, with edges off the 16-column alignment.
    static let cases = [
        Case(transposeA: false, transposeB: false, m: 37, n: 1_001, k: 300),
        Case(transposeA: true, transposeB: false, m: 40, n: 777, k: 350),
        Case(transposeA: false, transposeB: true, m: 50, n: 600, k: 290),
        Case(transposeA: true, transposeB: true, m: 45, n: 500, k: 400),
        Case(transposeA: false, transposeB: false, m: 700, n: 33, k: 400),
        Case(transposeA: true, transposeB: true, m: 650, n: 29, k: 450),
    ]

    static func operands(_ shape: Case, seed: UInt64) -> (a: [Double], b: [Double], c: [Double]) {
        var rng = SeededRNG(seed: seed)
        let a = (0..<shape.m * shape.k).map { _ in rng.uniformDouble() - 0.5 }
        let b = (0..<shape.k * shape.n).map { _ in rng.uniformDouble() - 0.5 }
        let c = (0..<shape.m * shape.ldc).map { _ in rng.uniformDouble() - 0.5 }
        return (a, b, c)
    }

    /// C after α·op(A)·op(B) + β·C, through `product` (`gemm` or `parallelGemm`).
    static func result(_ shape: Case, alpha: Double, beta: Double, seed: UInt64,
                       product: (Bool, Bool, Int, Int, Int, Double, UnsafePointer<Double>, Int,
                                 UnsafePointer<Double>, Int, Double, UnsafeMutablePointer<Double>, Int) -> Void)
        -> [Double] {
        let (a, b, c) = operands(shape, seed: seed)
        let left = Buffer(a), right = Buffer(b), out = Buffer(c)
        product(shape.transposeA, shape.transposeB, shape.m, shape.n, shape.k, alpha, left.pointer, shape.lda,
                right.pointer, shape.ldb, beta, out.pointer, shape.ldc)
        return out.array
    }

    static func oneCall(_ shape: Case, alpha: Double, beta: Double, seed: UInt64) -> [Double] {
        result(shape, alpha: alpha, beta: beta, seed: seed) {
            Double.gemm(transposeA: $0, transposeB: $1, m: $2, n: $3, k: $4, alpha: $5, a: $6, lda: $7, b: $8,
                        ldb: $9, beta: $10, c: $11, ldc: $12)
        }
    }

    static func split(_ shape: Case, alpha: Double, beta: Double, seed: UInt64) -> [Double] {
        result(shape, alpha: alpha, beta: beta, seed: seed) {
            Double.parallelGemm(transposeA: $0, transposeB: $1, m: $2, n: $3, k: $4, alpha: $5, a: $6, lda: $7,
                                b: $8, ldb: $9, beta: $10, c: $11, ldc: $12)
        }
    }

    /// Largest difference relative to the largest value: the same dot products in the same order
    /// agree to rounding whichever band computed them.
    static func relativeDifference(_ x: [Double], _ y: [Double]) -> Double {
        let scale = max(1e-300, x.map(abs).max() ?? 0)
        return zip(x, y).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
    }

    @Test(arguments: cases, [2, 3])
    func splitProductEqualsOneCall(shape: Case, threads: Int) throws {
        let (expected, actual) = try BLASThreadPin.pinned(to: threads) {
            (Self.oneCall(shape, alpha: 0.75, beta: 0.5, seed: 1), Self.split(shape, alpha: 0.75, beta: 0.5, seed: 1))
        }
        // The padding columns past n must be untouched, and every entry of C written.
        #expect(Self.relativeDifference(expected, actual) < 1e-13)
        let untouched = Self.operands(shape, seed: 1).c
        let padding = (0..<shape.m).flatMap { row in (shape.n..<shape.ldc).map { row * shape.ldc + $0 } }
        #expect(padding.filter { actual[$0] != untouched[$0] }.isEmpty, "values written past column n")
    }

    /// Eight threads each run split products at once, so OpenBLAS is entered from many threads
    /// together; every result must match the same product computed alone.
    @Test func productsFromManyThreadsAtOnce() throws {
        let expected = Self.cases.enumerated().map { Self.oneCall($1, alpha: 1, beta: 0, seed: UInt64($0)) }
        let results = try BLASThreadPin.pinned(to: 2) {
            let collected = Mutex<[Int: [Double]]>([:])
            let finished = BoundedWait.finishes {
                DispatchQueue.concurrentPerform(iterations: 8) { worker in
                    for round in 0..<3 {
                        let index = (worker + round) % Self.cases.count
                        let result = Self.split(Self.cases[index], alpha: 1, beta: 0, seed: UInt64(index))
                        collected.withLock { $0[worker * 10 + round] = result }
                    }
                }
            }
            try #require(finished, "concurrent products did not finish within \(BoundedWait.seconds) s")
            return collected.withLock { $0 }
        }
        #expect(results.count == 24)
        for (key, result) in results {
            let index = (key / 10 + key % 10) % Self.cases.count
            #expect(Self.relativeDifference(expected[index], result) < 1e-13, "worker \(key / 10), round \(key % 10)")
        }
    }
}
