@testable import NeuralNet
import Randomness
import TestSupport
import Testing

/// Softmax cross-entropy against finite differences, and the symmetric eigensolver.
@Suite struct SoftmaxAndEigenTests {
    @Test func softmaxCrossEntropyGradient() {
        var rng = SeededRNG(seed: 11)
        let batch = 5, classes = 4
        let logits = Buffer<Double>(GradientCheck.randomValues(batch * classes, rng: &rng, scale: 3))
        let labels = (0..<batch).map { _ in rng.index(below: classes) }
        let scale = 0.37
        let objective = {
            scale * Double(batch) * SoftmaxCrossEntropy.loss(logits: logits.pointer, labels: labels, classes: classes)
        }
        let gradient = Buffer<Double>(count: batch * classes)
        _ = SoftmaxCrossEntropy.loss(logits: logits.pointer, labels: labels, classes: classes,
                                     gradient: gradient.pointer, gradientScale: scale)
        let numeric = GradientCheck.numerical(of: objective, wrt: logits.pointer, count: logits.count)
        #expect(GradientCheck.relativeError(gradient.array, numeric) < 1e-6)
    }

    @Test func softmaxCrossEntropyValuesAndStability() {
        // Uniform logits: loss log K. Huge logits: no overflow, loss ≈ the margin.
        let uniform = Buffer<Double>([0, 0, 0, 0])
        #expect(abs(SoftmaxCrossEntropy.loss(logits: uniform.pointer, labels: [2], classes: 4) - Double.log(4)) < 1e-12)
        let huge = Buffer<Double>([1000, 0, -1000])
        let loss = SoftmaxCrossEntropy.loss(logits: huge.pointer, labels: [1], classes: 3)
        #expect(loss.isFinite && abs(loss - 1000) < 1e-9)
        #expect(SoftmaxCrossEntropy.predictions(logits: huge.pointer, batch: 1, classes: 3) == [0])
    }

    @Test func symmetricEigenOfKnownMatrix() throws {
        let eigen = try SymmetricEigen(matrix: [2, 1, 1, 2], size: 2)
        #expect(abs(eigen.values[0] - 1) < 1e-12 && abs(eigen.values[1] - 3) < 1e-12)
        let v = Array(eigen.vector(1))
        #expect(abs(abs(v[0]) - 0.5.squareRoot()) < 1e-12 && abs(v[0] - v[1]) < 1e-12)
    }

    @Test func squareRootReconstructionSquaresBack() throws {
        var rng = SeededRNG(seed: 12)
        let n = 6
        // A = BᵀB is symmetric positive semi-definite.
        let b = (0..<(n * n)).map { _ in rng.gaussianDouble() }
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { for k in 0..<n { a[i * n + j] += b[k * n + i] * b[k * n + j] } } }
        let root = try SymmetricEigen(matrix: a, size: n).reconstructed { max($0, 0).squareRoot() }
        var squared = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { for k in 0..<n { squared[i * n + j] += root[i * n + k] * root[k * n + j] } } }
        let worst = zip(squared, a).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-9)
    }
}
