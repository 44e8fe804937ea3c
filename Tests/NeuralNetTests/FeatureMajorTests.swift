import NeuralNet
import Testing

/// The transposes between batch-major rows and feature-major batches, across tile edges.
@Suite struct FeatureMajorTests {
    @Test(arguments: [(1, 1), (3, 5), (37, 70), (64, 6272 / 64)])
    func transposesEveryValueOnce(batch: Int, features: Int) {
        let rows = (0..<batch * features).map(Double.init)
        let source = Buffer<Double>(rows), featureMajor = Buffer<Double>(count: rows.count)
        FeatureMajor.fromBatchMajor(source.pointer, featureMajor.pointer, batch: batch, features: features)
        for n in 0..<batch {
            for f in 0..<features { #expect(featureMajor[f * batch + n] == rows[n * features + f]) }
        }
        let back = Buffer<Double>(count: rows.count)
        FeatureMajor.toBatchMajor(featureMajor.pointer, back.pointer, batch: batch, features: features)
        #expect(back.array == rows)
    }

    @Test func biasAndItsGradientWorkOnChannelRuns() {
        // Two channels of three values each (say one pixel, batch 3).
        let values = Buffer<Double>([1, 2, 3, 10, 20, 30]), bias = Buffer<Double>([0.5, -1])
        FeatureMajor.addBias(bias.pointer, to: values.pointer, channels: 2, run: 3)
        #expect(values.array == [1.5, 2.5, 3.5, 9, 19, 29])
        let gradient = Buffer<Double>([100, 200])
        FeatureMajor.channelSums(of: values.pointer, into: gradient.pointer, mode: .accumulate, channels: 2, run: 3)
        #expect(gradient.array == [107.5, 257])
        FeatureMajor.channelSums(of: values.pointer, into: gradient.pointer, mode: .overwrite, channels: 2, run: 3)
        #expect(gradient.array == [7.5, 57])
    }
}
