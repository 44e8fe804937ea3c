@testable import NeuralNet
import Randomness
import TestSupport
import Testing

/// Every layer and loss against finite differences, in Double, with a random upstream gradient.
@Suite struct LayerGradientTests {
    let tolerance = 1e-6

    @Test(arguments: [GradientMode.overwrite, .accumulate])
    func linearGradients(mode: GradientMode) {
        var rng = SeededRNG(seed: 1)
        let batch = 3, inputs = 5, outputs = 4
        let layer = Linear<Double>(inputs: inputs, outputs: outputs, namePrefix: "0.", rng: &rng)
        let input = Buffer<Double>(GradientCheck.randomValues(batch * inputs, rng: &rng))
        let upstream = GradientCheck.randomValues(batch * outputs, rng: &rng)
        let output = Buffer<Double>(count: batch * outputs)
        let objective = {
            layer.forward(input: input.pointer, output: output.pointer, batch: batch)
            return GradientCheck.weightedSum(output.pointer, upstream)
        }
        _ = objective()
        let gradInput = Buffer<Double>(count: batch * inputs)
        // Prior gradient content: accumulate must add to it, overwrite must ignore it.
        let prior = GradientCheck.randomValues(layer.weight.count, rng: &rng)
        layer.weight.gradient.assign(prior)
        layer.bias.gradient.assign(Array(repeating: 0.5, count: outputs))
        let upstreamBuffer = Buffer(upstream)
        layer.backward(input: input.pointer, gradOutput: upstreamBuffer.pointer, gradInput: gradInput.pointer,
                       batch: batch, parameterGradients: mode)
        var weightGradient = layer.weight.gradient.array
        var biasGradient = layer.bias.gradient.array
        if mode == .accumulate {
            weightGradient = zip(weightGradient, prior).map { $0 - $1 }
            biasGradient = biasGradient.map { $0 - 0.5 }
        }
        let numericInput = GradientCheck.numerical(of: objective, wrt: input.pointer, count: input.count)
        let numericWeight = GradientCheck.numerical(of: objective, wrt: layer.weight.value.pointer,
                                                    count: layer.weight.count)
        let numericBias = GradientCheck.numerical(of: objective, wrt: layer.bias.value.pointer,
                                                  count: layer.bias.count)
        #expect(GradientCheck.relativeError(gradInput.array, numericInput) < tolerance)
        #expect(GradientCheck.relativeError(weightGradient, numericWeight) < tolerance)
        #expect(GradientCheck.relativeError(biasGradient, numericBias) < tolerance)
    }

    @Test func linearSkipLeavesParameterGradientsAlone() {
        var rng = SeededRNG(seed: 2)
        let layer = Linear<Double>(inputs: 2, outputs: 2, namePrefix: "", rng: &rng)
        layer.weight.gradient.assign([1, 2, 3, 4])
        let input = Buffer<Double>([1, 2]), gradOutput = Buffer<Double>([1, -1])
        let gradInput = Buffer<Double>(count: 2)
        layer.backward(input: input.pointer, gradOutput: gradOutput.pointer, gradInput: gradInput.pointer,
                       batch: 1, parameterGradients: .skip)
        #expect(layer.weight.gradient.array == [1, 2, 3, 4])
        let w = layer.weight.value.array
        #expect(gradInput.array == [w[0] - w[2], w[1] - w[3]])
    }

    @Test(arguments: [Activation.identity, .relu, .leakyReLU(slope: 0.2), .tanh, .sigmoid])
    func activationGradients(activation: Activation) {
        var rng = SeededRNG(seed: 3)
        let count = 40
        // Keep inputs away from ReLU's kink, where the derivative is undefined.
        let input = Buffer<Double>(GradientCheck.randomValues(count, rng: &rng).map { $0 + ($0 < 0 ? -0.01 : 0.01) })
        let upstream = GradientCheck.randomValues(count, rng: &rng)
        let output = Buffer<Double>(count: count)
        let objective = {
            output.copy(from: input)
            activation.apply(output.pointer, count: count)
            return GradientCheck.weightedSum(output.pointer, upstream)
        }
        _ = objective()
        let gradient = Buffer(upstream)
        activation.backward(gradient: gradient.pointer, output: output.pointer, count: count)
        let numeric = GradientCheck.numerical(of: objective, wrt: input.pointer, count: count)
        #expect(GradientCheck.relativeError(gradient.array, numeric) < tolerance)
    }

    @Test(arguments: [0.0, 1.0])
    func binaryCrossEntropyGradient(target: Double) {
        var rng = SeededRNG(seed: 4)
        let count = 16
        let logits = Buffer<Double>(GradientCheck.randomValues(count, rng: &rng, scale: 3))
        let scale = 0.37
        let objective = { scale * Double(count) * BinaryCrossEntropy.loss(logits: logits.pointer, count: count, target: target) }
        let gradient = Buffer<Double>(count: count)
        _ = BinaryCrossEntropy.loss(logits: logits.pointer, count: count, target: target,
                                    gradient: gradient.pointer, gradientScale: scale)
        let numeric = GradientCheck.numerical(of: objective, wrt: logits.pointer, count: count)
        #expect(GradientCheck.relativeError(gradient.array, numeric) < tolerance)
    }

    @Test func binaryCrossEntropyIsStableForLargeLogits() {
        let logits = Buffer<Double>([1000, -1000])
        let lossReal = BinaryCrossEntropy.loss(logits: logits.pointer, count: 2, target: 1)
        #expect(lossReal.isFinite)
        #expect(abs(lossReal - 500) < 1e-9)  // −log σ(1000) ≈ 0, −log σ(−1000) = 1000
    }

    @Test func mlpGradientsEndToEnd() {
        var rng = SeededRNG(seed: 5)
        let net = MLP<Double>(sizes: [6, 8, 7, 3], activations: [.leakyReLU(slope: 0.2), .relu, .tanh], rng: &rng)
        let batch = 4
        let input = Buffer<Double>(GradientCheck.randomValues(batch * 6, rng: &rng))
        let upstream = GradientCheck.randomValues(batch * 3, rng: &rng)
        let objective = { GradientCheck.weightedSum(net.forward(input.pointer, batch: batch), upstream) }
        _ = objective()
        let gradInput = Buffer<Double>(count: batch * 6)
        let upstreamBuffer = Buffer(upstream)
        net.backward(gradOutput: upstreamBuffer.pointer, batch: batch, parameterGradients: .overwrite,
                     gradInput: gradInput.pointer)
        for parameter in net.parameters {
            let numeric = GradientCheck.numerical(of: objective, wrt: parameter.value.pointer, count: parameter.count)
            // Per-element relative error of near-zero gradients through three layers: 1e-5.
            #expect(GradientCheck.relativeError(parameter.gradient.array, numeric) < 1e-5, "\(parameter.name)")
        }
        let numericInput = GradientCheck.numerical(of: objective, wrt: input.pointer, count: input.count)
        #expect(GradientCheck.relativeError(gradInput.array, numericInput) < tolerance)
    }

    @Test func mlpNamesFollowTorchSequential() {
        var rng = SeededRNG(seed: 6)
        let g = MLP<Float>(sizes: [64, 256, 512, 784], activations: [.leakyReLU(slope: 0.2), .leakyReLU(slope: 0.2), .tanh], rng: &rng)
        #expect(g.parameters.map(\.name) == ["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"])
        #expect(g.parameters[0].shape == [256, 64])
        #expect(g.parameterCount == 64 * 256 + 256 + 256 * 512 + 512 + 512 * 784 + 784)
        // PyTorch's default init bound 1/√fan_in.
        let bound = 1 / Float(64).squareRoot()
        #expect(g.parameters[0].value.array.allSatisfy { abs($0) <= bound })
    }
}
