import NeuralNet
import Randomness
import TestSupport
import Testing

/// The Sequential network: its layer walk, PyTorch's names, reshapes without copies, and
/// gradients through every kind of layer at once.
@Suite struct SequentialTests {
    /// A small net with every layer kind: 3 → Linear → 2×3×3 → ConvTranspose → 3×6×6 → BatchNorm
    /// → LeakyReLU → Conv → 2×3×3 → Tanh → Flatten → Linear → 2.
    static let mixed: [LayerSpec] = [
        .linear(inputs: 3, outputs: 18), .activation(.relu), .unflatten(channels: 2, height: 3, width: 3),
        .convTranspose2d(inChannels: 2, outChannels: 3, kernelSize: 4, stride: 2, padding: 1),
        .batchNorm2d(channels: 3), .activation(.leakyReLU(slope: 0.2)),
        .conv2d(inChannels: 3, outChannels: 2, kernelSize: 4, stride: 2, padding: 1), .activation(.tanh),
        .flatten, .linear(inputs: 18, outputs: 2),
    ]

    @Test func layoutWalksShapesAndNamesModulesAsPyTorch() throws {
        let layout = try NetworkLayout(layers: Self.mixed, inputs: 3)
        #expect(layout.shapes == [.flat(18), .flat(18), .planes(channels: 2, height: 3, width: 3),
                                  .planes(channels: 3, height: 6, width: 6), .planes(channels: 3, height: 6, width: 6),
                                  .planes(channels: 3, height: 6, width: 6), .planes(channels: 2, height: 3, width: 3),
                                  .planes(channels: 2, height: 3, width: 3), .flat(18), .flat(2)])
        #expect(layout.parameters.map(\.name) == ["0.weight", "0.bias", "3.weight", "3.bias", "4.weight", "4.bias",
                                                  "6.weight", "6.bias", "9.weight", "9.bias"])
        #expect(layout.parameters.map(\.shape) == [[18, 3], [18], [2, 3, 4, 4], [3], [3], [3], [2, 3, 4, 4], [2],
                                                   [2, 18], [2]])
        #expect(layout.runningStatistics.map(\.name) == ["4.running_mean", "4.running_var"])
        #expect(layout.batchCounters == ["4.num_batches_tracked"])
        // Transposed: every input pixel meets every tap, 2·3·3 · 3·16; conv: every output pixel, 2·3·3 · 3·16.
        #expect(layout.multiplyAdds == [54, 0, 0, 864, 0, 0, 864, 0, 0, 36])

        var rng = SeededRNG(seed: 1)
        let network = Sequential<Float>(layout: layout, rng: &rng)
        #expect(network.parameters.map(\.name) == layout.parameters.map(\.name))
        #expect(network.parameters.map(\.shape) == layout.parameters.map(\.shape))
    }

    @Test(arguments: [
        ([LayerSpec.conv2d(inChannels: 1, outChannels: 2, kernelSize: 3, stride: 1, padding: 0)], 9, "needs 1-channel planes"),
        ([.unflatten(channels: 1, height: 3, width: 3), .linear(inputs: 9, outputs: 1)], 9, "needs 9 flat values"),
        ([.unflatten(channels: 2, height: 3, width: 3), .conv2d(inChannels: 2, outChannels: 1, kernelSize: 3,
                                                                 stride: 1, padding: 0)], 9, "needs 18 flat values"),
        ([.unflatten(channels: 1, height: 2, width: 2), .conv2d(inChannels: 1, outChannels: 1, kernelSize: 5,
                                                                 stride: 1, padding: 0)], 4, "leaves no output"),
        ([.linear(inputs: 4, outputs: 1 << 21)], 4, "outside"),
        ([.activation(.relu), .flatten], 4, "a layer with weights"),
    ])
    func invalidLayersAreRejectedWithTheReason(layers: [LayerSpec], inputs: Int, reason: String) {
        #expect(throws: LayoutProblem.self) { try NetworkLayout(layers: layers, inputs: inputs) }
        do {
            _ = try NetworkLayout(layers: layers, inputs: inputs)
        } catch {
            #expect(error.detail.contains(reason), "\(error.detail)")
        }
    }

    @Test func anMLPIsSpecsOfLinearLayersAndActivations() {
        let sizes = [6, 8, 7, 3], activations: [Activation] = [.leakyReLU(slope: 0.2), .identity, .tanh]
        let layers = LayerSpec.mlp(sizes: sizes, activations: activations)
        #expect(layers == [.linear(inputs: 6, outputs: 8), .activation(.leakyReLU(slope: 0.2)),
                           .linear(inputs: 8, outputs: 7), .linear(inputs: 7, outputs: 3), .activation(.tanh)])
        #expect(LayerSpec.mlpForm(of: layers)?.sizes == sizes)
        #expect(LayerSpec.mlpForm(of: layers)?.activations == activations)
        #expect(LayerSpec.mlpForm(of: Self.mixed) == nil)
        #expect(LayerSpec.mlpForm(of: [.linear(inputs: 2, outputs: 3), .linear(inputs: 4, outputs: 1)]) == nil)
    }

    /// Flatten and Unflatten change nothing but the shape: a Linear with reshapes around it gives
    /// the same values and gradients as the Linear alone, with the same initial weights.
    @Test func reshapesAreTransparent() {
        var rngA = SeededRNG(seed: 3), rngB = SeededRNG(seed: 3)
        let plain = Sequential<Double>(layers: [.linear(inputs: 12, outputs: 5)], inputs: 12, rng: &rngA)
        let wrapped = Sequential<Double>(layers: [.unflatten(channels: 3, height: 2, width: 2), .flatten,
                                                  .linear(inputs: 12, outputs: 5), .unflatten(channels: 5, height: 1,
                                                                                              width: 1), .flatten],
                                         inputs: 12, rng: &rngB)
        var rng = SeededRNG(seed: 4)
        let input = Buffer<Double>(GradientCheck.randomValues(2 * 12, rng: &rng))
        let upstream = Buffer<Double>(GradientCheck.randomValues(2 * 5, rng: &rng))
        let outputs = [plain, wrapped].map { Array(UnsafeBufferPointer(start: $0.forward(input.pointer, batch: 2), count: 10)) }
        #expect(outputs[0] == outputs[1])
        let gradients = [plain, wrapped].map { network -> [Double] in
            let gradInput = Buffer<Double>(count: 2 * 12)
            network.backward(gradOutput: upstream.pointer, batch: 2, parameterGradients: .overwrite,
                             gradInput: gradInput.pointer)
            return gradInput.array + network.parameters.flatMap(\.gradient.array)
        }
        #expect(gradients[0] == gradients[1])
    }

    /// Finite differences through Linear, ConvTranspose2d, BatchNorm2d, Conv2d, activations and
    /// reshapes in one network, in both modes (evaluation after some training-mode passes, so the
    /// running statistics are not the identity).
    @Test(arguments: [true, false])
    func wholeNetworkGradientsMatchFiniteDifferences(training: Bool) {
        var rng = SeededRNG(seed: 5)
        let network = Sequential<Double>(layers: Self.mixed, inputs: 3, rng: &rng)
        let batch = 3
        let input = Buffer<Double>(GradientCheck.randomValues(batch * 3, rng: &rng))
        for _ in 0..<3 { _ = network.forward(input.pointer, batch: batch) }
        network.isTraining = training
        let upstream = GradientCheck.randomValues(batch * 2, rng: &rng)
        let upstreamBuffer = Buffer(upstream)
        let objective = { GradientCheck.weightedSum(network.forward(input.pointer, batch: batch), upstream) }
        _ = objective()
        let gradInput = Buffer<Double>(count: batch * 3)
        network.backward(gradOutput: upstreamBuffer.pointer, batch: batch, parameterGradients: .overwrite,
                         gradInput: gradInput.pointer)
        let statistics = network.runningStatistics.map(\.array)
        for parameter in network.parameters {
            let analytic = parameter.gradient.array
            let numeric = GradientCheck.numerical(of: objective, wrt: parameter.value.pointer, count: parameter.count)
            if training && parameter.name == "3.bias" {
                // A bias before training-mode BatchNorm cancels in the mean: its gradient is zero,
                // and the finite difference only rounding noise, which a relative error would magnify.
                #expect((analytic + numeric).allSatisfy { abs($0) < 1e-8 })
            } else {
                #expect(GradientCheck.relativeError(analytic, numeric) < 1e-5, "\(parameter.name)")
            }
        }
        let numericInput = GradientCheck.numerical(of: objective, wrt: input.pointer, count: input.count)
        #expect(GradientCheck.relativeError(gradInput.array, numericInput) < 1e-5)
        if !training { #expect(network.runningStatistics.map(\.array) == statistics) }
    }

    @Test func cloneAndWeightsCarryRunningStatisticsAndMode() {
        var rng = SeededRNG(seed: 6)
        let network = Sequential<Float>(layers: Self.mixed, inputs: 3, rng: &rng)
        let input = Buffer<Float>((0..<12).map { Float($0) / 5 - 1 })
        for _ in 0..<2 { _ = network.forward(input.pointer, batch: 4) }
        #expect(network.batchesTracked == [2])
        network.isTraining = false
        let weights = NetworkWeights(of: network)
        #expect(weights.runningStatistics.count == 2 && weights.batchesTracked == [2])
        let rebuilt = weights.makeNetwork()
        #expect(!rebuilt.isTraining)
        #expect(NetworkWeights(of: rebuilt) == weights)
        #expect(NetworkWeights(of: network.clone()) == weights)
        let expected = Array(UnsafeBufferPointer(start: network.forward(input.pointer, batch: 4), count: 8))
        #expect(Array(UnsafeBufferPointer(start: rebuilt.forward(input.pointer, batch: 4), count: 8)) == expected)
    }
}
