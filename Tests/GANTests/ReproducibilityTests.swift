import NeuralNet
import Randomness
import TestSupport
import Testing
@testable import GAN

@Suite struct ReproducibilityTests {
    private func losses(seed: UInt64, steps: Int = 60) throws -> [StepResult] {
        let gan = try makeGAN(dataset: "digits", seed: seed, batch: 16, threads: 1)
        return (0..<steps).map { _ in gan.step() }
    }

    /// Bit-identical only with one fixed BLAS thread count, hence the pin (see `BLASThreadPin`).
    @Test func sameSeedGivesBitIdenticalLosses() throws {
        let (first, second) = try BLASThreadPin.pinned(to: 1) { (try losses(seed: 3), try losses(seed: 3)) }
        #expect(first.map(\.discriminatorLoss.bitPattern) == second.map(\.discriminatorLoss.bitPattern))
        #expect(first.map(\.generatorLoss.bitPattern) == second.map(\.generatorLoss.bitPattern))
    }

    @Test func differentSeedsDiffer() throws {
        #expect(try losses(seed: 3, steps: 5) != losses(seed: 4, steps: 5))
    }

    @Test func kDiscriminatorStepsPerGeneratorStep() throws {
        let gan = try makeGAN(dataset: "ring", batch: 8) { $0.discriminatorSteps = 3 }
        _ = gan.step()
        _ = gan.step()
        #expect(gan.stepCount == 2)
        #expect(gan.realSamplesSeen == 2 * 3 * 8)  // K minibatches of M reals per iteration
        // The ring trains with Adam, whose step counts tell the updates apart (nil: not Adam).
        #expect(adamSteps(gan.discriminatorOptimizer) == 6)
        #expect(adamSteps(gan.generatorOptimizer) == 2)
    }

    /// With K = 0 an iteration is G's update alone. D's weights must come out bit-identical and
    /// its gradients untouched (they are not even computed): gradients holding other values
    /// beforehand would move D if its optimiser stepped, and change if they were computed.
    @Test(arguments: [GANLoss.nonSaturating, .minimax])
    func generatorStepLeavesDiscriminatorUntouched(loss: GANLoss) throws {
        let gan = try makeGAN(dataset: "ring", batch: 8) {
            $0.loss = loss
            $0.discriminatorSteps = 0
        }
        let discriminator = gan.model.discriminator
        var rng = SeededRNG(seed: 11)
        for parameter in discriminator.parameters {
            parameter.gradient.assign((0..<parameter.count).map { _ in rng.gaussian() })
        }
        let weights = NetworkWeights(of: discriminator)
        let gradients = discriminator.parameters.map(\.gradient.array)
        let generator = NetworkWeights(of: gan.model.generator)
        _ = gan.step()
        #expect(NetworkWeights(of: discriminator) == weights)
        #expect(discriminator.parameters.map(\.gradient.array) == gradients)
        #expect(adamSteps(gan.discriminatorOptimizer) == 0)
        #expect(NetworkWeights(of: gan.model.generator) != generator)  // …while G did learn
    }

    /// The counterpart: with K = 1, D does move in an iteration, so the comparison above can fail.
    @Test func discriminatorStepMovesDiscriminator() throws {
        let gan = try makeGAN(dataset: "ring", batch: 8)
        let weights = NetworkWeights(of: gan.model.discriminator)
        _ = gan.step()
        #expect(NetworkWeights(of: gan.model.discriminator) != weights)
        #expect(adamSteps(gan.discriminatorOptimizer) == 1)
    }

    @Test(arguments: [GANLoss.minimax, .nonSaturating])
    func lossesAreFiniteAndSigned(loss: GANLoss) throws {
        let gan = try makeGAN(dataset: "ring", batch: 16) { $0.loss = loss }
        let result = gan.step()
        #expect(result.isFinite)
        #expect(result.discriminatorLoss > 0)
        // Minimax reports E[log(1 − D(G(z)))] ≤ 0; non-saturating reports −E[log D(G(z))] ≥ 0.
        #expect(loss == .minimax ? result.generatorLoss < 0 : result.generatorLoss > 0)
        #expect((0...1).contains(result.meanRealScore) && (0...1).contains(result.meanFakeScore))
    }

    /// Adam's update count, or nil when the optimiser is not Adam (so an expectation fails
    /// rather than being skipped).
    private func adamSteps(_ optimizer: NetworkOptimizer) -> Int? {
        if case .adam(let adam) = optimizer { adam.stepCount } else { nil }
    }
}
