import NeuralNet
import Randomness
import TestSupport
import Testing

/// BatchNorm2d in training and evaluation mode: gradients against finite differences, the
/// statistics against values worked out by hand.
@Suite struct BatchNormTests {
    /// γ and β away from 1 and 0, running statistics away from 0 and 1, so that a formula that
    /// drops one of them fails.
    static func layer(channels: Int, height: Int, width: Int, training: Bool) -> BatchNorm2d<Double> {
        let layer = BatchNorm2d<Double>(channels: channels, height: height, width: width, namePrefix: "2.")
        var rng = SeededRNG(seed: 51)
        layer.weight.value.assign(GradientCheck.randomValues(channels, rng: &rng).map { 1 + 0.5 * $0 })
        layer.bias.value.assign(GradientCheck.randomValues(channels, rng: &rng))
        layer.runningMean.assign(GradientCheck.randomValues(channels, rng: &rng))
        layer.runningVariance.assign((0..<channels).map { _ in 0.5 + rng.uniformDouble() })
        layer.isTraining = training
        return layer
    }

    @Test(arguments: [true, false], [GradientMode.overwrite, .accumulate])
    func gradients(training: Bool, mode: GradientMode) {
        // Training mode: dL/dx flows through the batch mean and variance as well.
        for (channels, height, width, batch) in [(3, 2, 3, 2), (1, 1, 2, 3)] {
            let layer = Self.layer(channels: channels, height: height, width: width, training: training)
            let errors = LayerCheck.gradientErrors(of: layer, batch: batch, mode: mode, seed: 52)
            #expect(errors.worst < 1e-6, "\(channels) channels \(height)×\(width), batch \(batch): \(errors)")
        }
    }

    @Test(arguments: [true, false])
    func skipAndMissingInputGradient(training: Bool) {
        let layer = Self.layer(channels: 2, height: 2, width: 2, training: training)
        #expect(LayerCheck.skipAndNoInputGradientAgree(for: layer, batch: 3, seed: 53))
    }

    @Test func startsAsPyTorchDoes() {
        let layer = BatchNorm2d<Float>(channels: 3, height: 4, width: 4, namePrefix: "4.")
        #expect(layer.parameters.map(\.name) == ["4.weight", "4.bias"])
        #expect(layer.weight.value.array == [1, 1, 1] && layer.bias.value.array == [0, 0, 0])
        #expect(layer.runningMean.array == [0, 0, 0] && layer.runningVariance.array == [1, 1, 1])
        #expect(layer.batchesTracked == 0 && layer.isTraining)
        #expect(layer.inputCount == 48 && layer.outputCount == 48)
    }

    @Test func trainingNormalisesAndTracksRunningStatistics() {
        // Two samples, two channels of 1×2 pixels. Channel 0 sees 1, 3, 5, 7: mean 4, biased
        // variance 5, unbiased 20/3. Channel 1 sees 0, 0, 0, 4: mean 1, biased 3, unbiased 4.
        let layer = BatchNorm2d<Double>(channels: 2, height: 1, width: 2, namePrefix: "")
        let input = Buffer<Double>(FeatureMajorArrays.fromBatchMajor([1, 3, 0, 0, 5, 7, 0, 4], batch: 2))
        let output = Buffer<Double>(count: 8)
        layer.forward(input: input.pointer, output: output.pointer, batch: 2)
        let s0 = (5 + 1e-5).squareRoot(), s1 = (3 + 1e-5).squareRoot()
        let expected = [-3 / s0, -1 / s0, -1 / s1, -1 / s1, 1 / s0, 3 / s0, -1 / s1, 3 / s1]
        #expect(GradientCheck.relativeError(FeatureMajorArrays.toBatchMajor(output.array, batch: 2), expected) < 1e-12)
        // running = 0.9·running + 0.1·batch statistic, with the unbiased variance.
        #expect(GradientCheck.relativeError(layer.runningMean.array, [0.4, 0.1]) < 1e-12)
        #expect(GradientCheck.relativeError(layer.runningVariance.array, [0.9 + 2.0 / 3, 1.3]) < 1e-12)
        #expect(layer.batchesTracked == 1)
        layer.forward(input: input.pointer, output: output.pointer, batch: 2)
        #expect(GradientCheck.relativeError(layer.runningMean.array, [0.76, 0.19]) < 1e-12)
        #expect(GradientCheck.relativeError(layer.runningVariance.array,
                                            [0.9 * (0.9 + 2.0 / 3) + 2.0 / 3, 0.9 * 1.3 + 0.4]) < 1e-12)
        #expect(layer.batchesTracked == 2)
    }

    @Test func evaluationUsesRunningStatisticsAndLeavesThemAlone() {
        let layer = BatchNorm2d<Double>(channels: 2, height: 1, width: 2, namePrefix: "")
        layer.weight.value.assign([2, -1])
        layer.bias.value.assign([0.5, 1])
        layer.runningMean.assign([1, -2])
        layer.runningVariance.assign([4, 0.25])
        layer.isTraining = false
        let input = Buffer<Double>(FeatureMajorArrays.fromBatchMajor([1, 3, 0, 0, 5, 7, 0, 4], batch: 2))
        let output = Buffer<Double>(count: 8)
        layer.forward(input: input.pointer, output: output.pointer, batch: 2)
        let s0 = (4 + 1e-5).squareRoot(), s1 = (0.25 + 1e-5).squareRoot()
        let y0 = { (x: Double) in 2 * (x - 1) / s0 + 0.5 }, y1 = { (x: Double) in -(x + 2) / s1 + 1 }
        let expected = [y0(1), y0(3), y1(0), y1(0), y0(5), y0(7), y1(0), y1(4)]
        #expect(GradientCheck.relativeError(FeatureMajorArrays.toBatchMajor(output.array, batch: 2), expected) < 1e-12)
        #expect(layer.runningMean.array == [1, -2] && layer.runningVariance.array == [4, 0.25])
        #expect(layer.batchesTracked == 0)
    }
}
