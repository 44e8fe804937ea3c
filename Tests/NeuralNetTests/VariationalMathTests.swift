import Foundation
import NeuralNet
import Randomness
import TestSupport
import Testing

/// The VAE's pieces against finite differences in Double and against their formulas written out
/// here: the reparameterisation, the KL term, and the two reconstruction losses.
@Suite struct VariationalMathTests {
    let tolerance = 1e-6
    let batch = 3, latent = 4

    /// z = μ + exp(½·log σ²)·ε: dz/dμ and dz/d(log σ²) by finite differences, with a random
    /// upstream gradient; the backward pass adds to what the gradient held.
    @Test func reparameterisationGradient() {
        var rng = SeededRNG(seed: 1)
        let head = Buffer<Double>(GradientCheck.randomValues(batch * 2 * latent, rng: &rng))
        let noise = Buffer<Double>(GradientCheck.randomValues(batch * latent, rng: &rng))
        let upstream = GradientCheck.randomValues(batch * latent, rng: &rng)
        let z = Buffer<Double>(count: batch * latent)
        let objective = {
            GaussianLatent.sample(head: head.pointer, noise: noise.pointer, z: z.pointer, batch: self.batch,
                                  latent: self.latent)
            return GradientCheck.weightedSum(z.pointer, upstream)
        }
        _ = objective()
        for row in 0..<batch {
            for j in 0..<latent {
                let mean = head[row * 2 * latent + j], logVariance = head[row * 2 * latent + latent + j]
                #expect(abs(z[row * latent + j] - (mean + exp(logVariance / 2) * noise[row * latent + j])) < 1e-12)
            }
        }
        let prior = GradientCheck.randomValues(head.count, rng: &rng)
        let gradient = Buffer<Double>(prior)
        let upstreamBuffer = Buffer<Double>(upstream)
        GaussianLatent.sampleBackward(head: head.pointer, noise: noise.pointer, zGradient: upstreamBuffer.pointer,
                                      headGradient: gradient.pointer, batch: batch, latent: latent)
        let added = zip(gradient.array, prior).map { $0 - $1 }
        let numeric = GradientCheck.numerical(of: objective, wrt: head.pointer, count: head.count)
        #expect(GradientCheck.relativeError(added, numeric) < tolerance)
    }

    /// KL(N(μ, σ²) ‖ N(0, 1)) = log(1/σ) + (σ² + μ²)/2 − ½ per dimension, summed; its gradient,
    /// scaled, by finite differences.
    @Test func klDivergenceValueAndGradient() {
        var rng = SeededRNG(seed: 2)
        let head = Buffer<Double>(GradientCheck.randomValues(batch * 2 * latent, rng: &rng))
        let objective = { GaussianLatent.klDivergence(head: head.pointer, batch: self.batch, latent: self.latent) }
        var expected = 0.0
        for row in 0..<batch {
            for j in 0..<latent {
                let mean = head[row * 2 * latent + j], sigma = exp(head[row * 2 * latent + latent + j] / 2)
                expected += log(1 / sigma) + (sigma * sigma + mean * mean) / 2 - 0.5
            }
        }
        #expect(abs(objective() - expected) < 1e-12)
        let gradient = Buffer<Double>(GradientCheck.randomValues(head.count, rng: &rng))  // overwritten
        let scale = 0.3
        _ = GaussianLatent.klDivergence(head: head.pointer, batch: batch, latent: latent, gradient: gradient.pointer,
                                        gradientScale: scale)
        let numeric = GradientCheck.numerical(of: objective, wrt: head.pointer, count: head.count).map { $0 * scale }
        #expect(GradientCheck.relativeError(gradient.array, numeric) < tolerance)
    }

    /// The posterior equal to the prior costs nothing.
    @Test func klOfThePriorIsZero() {
        let head = Buffer<Double>(Array(repeating: 0, count: batch * 2 * latent))
        #expect(GaussianLatent.klDivergence(head: head.pointer, batch: batch, latent: latent) == 0)
    }

    /// Both losses against their definitions and finite differences, targets anywhere in [0, 1].
    @Test(arguments: ReconstructionLoss.allCases)
    func reconstructionLossValueAndGradient(loss: ReconstructionLoss) {
        var rng = SeededRNG(seed: 3)
        let count = 7
        let outputs = Buffer<Double>(GradientCheck.randomValues(count, rng: &rng, scale: 2))
        let targets = Buffer<Double>((0..<count).map { _ in Double(rng.index(below: 1_001)) / 1_000 })
        let objective = { loss.sum(outputs: outputs.pointer, targets: targets.pointer, count: count) }
        let expected = (0..<count).reduce(0.0) { total, i in
            let y = outputs[i], t = targets[i]
            switch loss {
            case .bce:
                let p = 1 / (1 + exp(-y))
                return total - t * log(p) - (1 - t) * log(1 - p)
            case .mse:
                return total + (y - t) * (y - t)
            }
        }
        #expect(abs(objective() - expected) < 1e-12)
        let gradient = Buffer<Double>(count: count)
        _ = loss.sum(outputs: outputs.pointer, targets: targets.pointer, count: count, gradient: gradient.pointer,
                     gradientScale: 0.5)
        let numeric = GradientCheck.numerical(of: objective, wrt: outputs.pointer, count: count).map { $0 / 2 }
        #expect(GradientCheck.relativeError(gradient.array, numeric) < tolerance)
    }

    /// BCE from logits stays finite and exact where σ saturates in Float: a confident right
    /// answer costs ~0, a confident wrong one costs |logit|.
    @Test func binaryCrossEntropyIsStableForLargeLogits() {
        let logits: [Float] = [200, -200, 200, -200]
        let targets: [Float] = [1, 0, 0, 1]
        let gradient = Buffer<Float>(count: 4)
        let total = logits.withUnsafeBufferPointer { l in
            targets.withUnsafeBufferPointer { t in
                BinaryCrossEntropy.sum(logits: l.baseAddress!, targets: t.baseAddress!, count: 4,
                                       gradient: gradient.pointer)
            }
        }
        #expect(total == 400)
        #expect(gradient.array == [0, 0, 1, -1])
    }
}
