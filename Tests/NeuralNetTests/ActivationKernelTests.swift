import NeuralNet
import Testing

/// The C kernels behind ReLU and LeakyReLU, in both precisions, on the values where a wrong
/// comparison shows: negatives, both zeros, NaN, and lengths that leave a tail after the vector
/// lanes.
@Suite struct ActivationKernelTests {
    static let inputs: [Double] = [-3, -0.0, 0, 0.5, -1e-30, .nan, 2, -7, 1e30, -0.25, 4, -1, 3, 0.75, -2, 9, -9, 1, 0.1]

    static func check<T: BLASScalar>(_: T.Type) {
        let values = inputs.map { T($0) }
        let relu = Buffer<T>(values)
        Activation.relu.apply(relu.pointer, count: values.count)
        let leaky = Buffer<T>(values)
        Activation.leakyReLU(slope: 0.2).apply(leaky.pointer, count: values.count)
        for (i, x) in values.enumerated() {
            if x.isNaN {
                #expect(relu[i].isNaN && leaky[i].isNaN)
                continue
            }
            // ReLU sends both zeros to +0, as max(x, 0) does.
            #expect(relu[i] == (x > 0 ? x : 0) && relu[i].sign == .plus, "ReLU(\(x))")
            #expect(leaky[i] == (x < 0 ? x * T(0.2) : x), "LeakyReLU(\(x))")
        }
        // Backward through the outputs: the gradient passes where the output is positive (or
        // NaN), is zeroed (ReLU) or scaled (LeakyReLU) where it is not.
        let gradient = (0..<values.count).map { T($0 + 1) }
        let reluGradient = Buffer<T>(gradient), leakyGradient = Buffer<T>(gradient)
        Activation.relu.backward(gradient: reluGradient.pointer, output: relu.pointer, count: values.count)
        Activation.leakyReLU(slope: 0.2).backward(gradient: leakyGradient.pointer, output: leaky.pointer,
                                                  count: values.count)
        for i in values.indices {
            #expect(reluGradient[i] == (relu[i] <= 0 ? 0 : gradient[i]), "ReLU′ at \(values[i])")
            #expect(leakyGradient[i] == (leaky[i] < 0 ? gradient[i] * T(0.2) : gradient[i]), "LeakyReLU′ at \(values[i])")
        }
    }

    @Test func floatKernels() { Self.check(Float.self) }
    @Test func doubleKernels() { Self.check(Double.self) }

    /// A batch the size of the DCGAN's D input to its last layer, large enough to be split
    /// between workers, transposed by the Float kernel and back.
    @Test func floatTransposeOfALargeBatch() {
        let batch = 64, features = 6272 + 7
        let rows = (0..<batch * features).map { Float($0 % 1_000_003) }
        let source = Buffer<Float>(rows), featureMajor = Buffer<Float>(count: rows.count)
        FeatureMajor.fromBatchMajor(source.pointer, featureMajor.pointer, batch: batch, features: features)
        var mismatches = 0
        for n in 0..<batch {
            for f in 0..<features where featureMajor[f * batch + n] != rows[n * features + f] { mismatches += 1 }
        }
        #expect(mismatches == 0)
        let back = Buffer<Float>(count: rows.count)
        FeatureMajor.toBatchMajor(featureMajor.pointer, back.pointer, batch: batch, features: features)
        #expect(back.array == rows)
    }
}
