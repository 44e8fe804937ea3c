@testable import NeuralNet
import Randomness
import TestSupport
import Testing

/// `Linear` reading or writing feature-major batches (``BatchLayout``) computes what the
/// batch-major layer (checked against finite differences in `LayerGradientTests`) computes, in the
/// other layout; and a network fuses its flatten/unflatten into the linear layers next to them.
@Suite struct LinearLayoutTests {
    static let layouts: [(BatchLayout, BatchLayout)] = [
        (.featureMajor, .batchMajor), (.batchMajor, .featureMajor), (.featureMajor, .featureMajor),
    ]

    static func arranged(_ values: [Double], _ layout: BatchLayout, batch: Int) -> [Double] {
        layout == .featureMajor ? FeatureMajorArrays.fromBatchMajor(values, batch: batch) : values
    }

    @Test(arguments: layouts, [GradientMode.overwrite, .accumulate])
    func matchesTheBatchMajorLayer(layouts: (BatchLayout, BatchLayout), mode: GradientMode) {
        let (inputLayout, outputLayout) = layouts
        let batch = 5, inputs = 7, outputs = 3
        var referenceRNG = SeededRNG(seed: 11), rng = SeededRNG(seed: 11)
        let reference = Linear<Double>(inputs: inputs, outputs: outputs, namePrefix: "", rng: &referenceRNG)
        let layer = Linear<Double>(inputs: inputs, outputs: outputs, namePrefix: "", inputLayout: inputLayout,
                                   outputLayout: outputLayout, rng: &rng)
        var dataRNG = SeededRNG(seed: 12)
        let x = GradientCheck.randomValues(batch * inputs, rng: &dataRNG)
        let dy = GradientCheck.randomValues(batch * outputs, rng: &dataRNG)
        let prior = GradientCheck.randomValues(inputs * outputs, rng: &dataRNG)

        func run(_ linear: Linear<Double>, x: [Double], dy: [Double]) -> (y: [Double], dx: [Double], dW: [Double], db: [Double]) {
            let input = Buffer(x), output = Buffer<Double>(count: batch * outputs)
            linear.forward(input: input.pointer, output: output.pointer, batch: batch)
            linear.weight.gradient.assign(prior)
            linear.bias.gradient.assign(Array(repeating: 0.25, count: outputs))
            let upstream = Buffer(dy), dx = Buffer<Double>(count: batch * inputs)
            linear.backward(input: input.pointer, gradOutput: upstream.pointer, gradInput: dx.pointer, batch: batch,
                            parameterGradients: mode)
            return (output.array, dx.array, linear.weight.gradient.array, linear.bias.gradient.array)
        }
        let expected = run(reference, x: x, dy: dy)
        let got = run(layer, x: Self.arranged(x, inputLayout, batch: batch), dy: Self.arranged(dy, outputLayout, batch: batch))
        #expect(GradientCheck.relativeError(got.y, Self.arranged(expected.y, outputLayout, batch: batch)) < 1e-12)
        #expect(GradientCheck.relativeError(got.dx, Self.arranged(expected.dx, inputLayout, batch: batch)) < 1e-12)
        #expect(GradientCheck.relativeError(got.dW, expected.dW) < 1e-12)
        #expect(GradientCheck.relativeError(got.db, expected.db) < 1e-12)
    }

    /// The DCGAN's pattern: G's linear writes the image batch its unflatten would have made, D's
    /// reads the one its flatten would have transposed; both layout changes become views.
    @Test func networksFuseLayoutChangesIntoTheirLinearLayers() {
        let layers: [LayerSpec] = [
            .linear(inputs: 4, outputs: 18), .activation(.relu), .unflatten(channels: 2, height: 3, width: 3),
            .conv2d(inChannels: 2, outChannels: 2, kernelSize: 3, stride: 1, padding: 1), .flatten,
            .linear(inputs: 18, outputs: 1),
        ]
        var rng = SeededRNG(seed: 5)
        let net = Sequential<Double>(layers: layers, inputs: 4, rng: &rng)
        let fusion = LayoutFusion(net.layout)
        #expect(fusion.featureMajorOutputs == [0] && fusion.featureMajorInputs == [5] && fusion.absorbed == [2, 4])
        guard case .linear(let generator) = net.modules[0], case .linear(let critic) = net.modules[5],
              case .view = net.modules[2], case .view = net.modules[4] else {
            Issue.record("modules not fused: \(net.modules)")
            return
        }
        #expect(generator.outputLayout == .featureMajor && critic.inputLayout == .featureMajor)
    }
}
