import Foundation
import NeuralNet
import Randomness
import TestSupport
import Testing
@testable import GAN

/// The whole autoencoder update against finite differences, in Double: the very function
/// `AutoencoderStep` trains with in Float (`AutoencoderObjective`), on small networks shaped like
/// the real ones. The objective is written out here independently (z by hand, the losses and KL
/// from their formulas), so an error in the code cannot hide in a matching error in the check.
@Suite struct AutoencoderObjectiveGradientTests {
    /// As in `GANObjectiveGradientTests`: through four layers near-zero gradients lose digits.
    let tolerance = 1e-5
    let batch = 4, features = 5, latent = 2

    @Test(arguments: [(AutoencoderKind.vae, ReconstructionLoss.bce), (.vae, .mse), (.ae, .bce), (.ae, .mse)])
    func gradientsOfBothNetworks(kind: AutoencoderKind, loss: ReconstructionLoss) {
        var rng = SeededRNG(seed: 11)
        let code = kind == .vae ? 2 * latent : latent
        let encoder = MLP<Double>(sizes: [features, 6, code], activations: [.leakyReLU(slope: 0.2), .identity],
                                  rng: &rng)
        let decoder = MLP<Double>(sizes: [latent, 6, features], activations: [.leakyReLU(slope: 0.2), .identity],
                                  rng: &rng)
        let input = Buffer<Double>(GradientCheck.randomValues(batch * features, rng: &rng))
        let targets = Buffer<Double>((0..<(batch * features)).map { _ in Double(rng.index(below: 101)) / 100 })
        let noise = Buffer<Double>(GradientCheck.randomValues(batch * latent, rng: &rng))
        let klWeight = 0.7

        let objective = {
            let head = encoder.forward(input.pointer, batch: self.batch)
            var z = [Double](repeating: 0, count: self.batch * self.latent)
            var kl = 0.0
            for row in 0..<self.batch {
                for j in 0..<self.latent {
                    if kind == .ae {
                        z[row * self.latent + j] = head[row * self.latent + j]
                        continue
                    }
                    let mean = head[row * code + j], logVariance = head[row * code + self.latent + j]
                    z[row * self.latent + j] = mean + exp(logVariance / 2) * noise[row * self.latent + j]
                    kl += -0.5 * (1 + logVariance - mean * mean - exp(logVariance))
                }
            }
            let output = z.withUnsafeBufferPointer { decoder.forward($0.baseAddress!, batch: self.batch) }
            var reconstruction = 0.0
            for i in 0..<(self.batch * self.features) {
                let y = output[i], t = targets[i]
                reconstruction += loss == .mse ? (y - t) * (y - t)
                    : -t * log(1 / (1 + exp(-y))) - (1 - t) * log(1 - 1 / (1 + exp(-y)))
            }
            return (reconstruction + klWeight * kl) / Double(self.batch)
        }

        let scratch = [batch * latent, batch * latent, batch * features, batch * code].map { Buffer<Double>(count: $0) }
        let (reconstruction, kl) = AutoencoderObjective.lossAndGradients(
            kind, reconstruction: loss, klWeight: klWeight, encoder: encoder, decoder: decoder, input: input.pointer,
            targets: targets.pointer, batch: batch,
            scratch: .init(noise: noise.pointer, latent: scratch[0].pointer, latentGradient: scratch[1].pointer,
                           outputGradient: scratch[2].pointer, codeGradient: scratch[3].pointer))
        #expect(abs(reconstruction + klWeight * kl - objective()) < 1e-12)
        if kind == .ae { #expect(kl == 0) }
        for parameter in encoder.parameters + decoder.parameters {
            let analytic = parameter.gradient.array
            let numeric = GradientCheck.numerical(of: objective, wrt: parameter.value.pointer, count: parameter.count)
            #expect(GradientCheck.relativeError(analytic, numeric) < tolerance, "\(parameter.name)")
        }
    }
}
