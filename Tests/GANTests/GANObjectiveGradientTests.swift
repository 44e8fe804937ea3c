import Foundation
import NeuralNet
import Randomness
import TestSupport
import Testing
@testable import GAN

/// The whole GAN step against finite differences, in Double: the very functions `GANStep` trains
/// with in Float (`GANObjective`), on small networks shaped like the real ones (LeakyReLU 0.2,
/// tanh output for G, one logit for D). Each objective is written out here independently, from
/// the lecture's formulas, so a sign error in the code cannot hide in a matching error in the
/// check.
@Suite struct GANObjectiveGradientTests {
    /// Per-element relative error of centred differences (step 1e-6) through up to four layers:
    /// near-zero gradients lose a few more digits than single layers (1e-6), as in
    /// `LayerGradientTests.mlpGradientsEndToEnd`.
    let tolerance = 1e-5
    let batch = 5  // M
    let latent = 3, features = 4

    private func networks(seed: UInt64) -> (generator: MLP<Double>, discriminator: MLP<Double>, rng: SeededRNG) {
        var rng = SeededRNG(seed: seed)
        let generator = MLP<Double>(sizes: [latent, 6, features], activations: [.leakyReLU(slope: 0.2), .tanh],
                                    rng: &rng)
        let discriminator = MLP<Double>(sizes: [features, 5, 1], activations: [.leakyReLU(slope: 0.2), .identity],
                                        rng: &rng)
        return (generator, discriminator, rng)
    }

    /// log σ(x) and log(1 − σ(x)) = log σ(−x), written directly (the logits here are small).
    private func logSigmoid(_ x: Double) -> Double { -log(1 + exp(-x)) }

    /// D descends −(E_real[log D(x)] + E_fake[log(1 − D(x))]) over the 2M-row batch, reals first.
    @Test func discriminatorGradientOnTheRealAndFakeBatch() {
        let (_, discriminator, seeded) = networks(seed: 1)
        var rng = seeded
        let input = Buffer<Double>(GradientCheck.randomValues(2 * batch * features, rng: &rng))
        let objective = {
            let logits = discriminator.forward(input.pointer, batch: 2 * self.batch)
            let real = (0..<self.batch).reduce(0.0) { $0 + self.logSigmoid(logits[$1]) }
            let fake = (self.batch..<(2 * self.batch)).reduce(0.0) { $0 + self.logSigmoid(-logits[$1]) }
            return -(real + fake) / Double(self.batch)
        }
        let logitGradient = Buffer<Double>(count: 2 * batch)
        let (realLoss, fakeLoss, _) = GANObjective.discriminatorLossAndGradients(
            discriminator: discriminator, input: input.pointer, batch: batch, logitGradient: logitGradient.pointer)
        let analytic = discriminator.parameters.map(\.gradient.array)
        #expect(abs(realLoss + fakeLoss - objective()) < 1e-12)
        for (parameter, gradient) in zip(discriminator.parameters, analytic) {
            let numeric = GradientCheck.numerical(of: objective, wrt: parameter.value.pointer, count: parameter.count)
            #expect(GradientCheck.relativeError(gradient, numeric) < tolerance, "\(parameter.name)")
        }
    }

    /// G descends −E[log D(G(z))] (non-saturating) or E[log(1 − D(G(z)))] (minimax, the lecture's
    /// sign), through D; D's weights and gradients stay exactly as they were.
    @Test(arguments: [GANLoss.nonSaturating, .minimax])
    func generatorGradientThroughTheDiscriminator(loss: GANLoss) {
        let (generator, discriminator, seeded) = networks(seed: 2)
        var rng = seeded
        let noise = Buffer<Double>(GradientCheck.randomValues(batch * latent, rng: &rng))
        let objective = {
            let logits = discriminator.forward(generator.forward(noise.pointer, batch: self.batch), batch: self.batch)
            let total = (0..<self.batch).reduce(0.0) { sum, row in
                switch loss {
                case .nonSaturating: sum - self.logSigmoid(logits[row])
                case .minimax: sum + self.logSigmoid(-logits[row])
                }
            }
            return total / Double(self.batch)
        }
        // Gradients holding values beforehand: they must come out unchanged (skipped, not zeroed).
        for parameter in discriminator.parameters {
            parameter.gradient.assign(GradientCheck.randomValues(parameter.count, rng: &rng))
        }
        let discriminatorWeights = discriminator.parameters.map(\.value.array)
        let discriminatorGradients = discriminator.parameters.map(\.gradient.array)
        let logitGradient = Buffer<Double>(count: batch), fakeGradient = Buffer<Double>(count: batch * features)
        let value = GANObjective.generatorLossAndGradients(
            loss, generator: generator, discriminator: discriminator, noise: noise.pointer, batch: batch,
            logitGradient: logitGradient.pointer, fakeGradient: fakeGradient.pointer)
        #expect(discriminator.parameters.map(\.value.array) == discriminatorWeights)
        #expect(discriminator.parameters.map(\.gradient.array) == discriminatorGradients)
        let analytic = generator.parameters.map(\.gradient.array)
        #expect(abs(value - objective()) < 1e-12)
        #expect(loss == .minimax ? value < 0 : value > 0)
        for (parameter, gradient) in zip(generator.parameters, analytic) {
            let numeric = GradientCheck.numerical(of: objective, wrt: parameter.value.pointer, count: parameter.count)
            #expect(GradientCheck.relativeError(gradient, numeric) < tolerance, "\(loss) \(parameter.name)")
        }
    }
}
