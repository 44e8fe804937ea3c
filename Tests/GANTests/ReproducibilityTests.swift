import Testing
@testable import GAN

@Suite struct ReproducibilityTests {
    private func losses(seed: UInt64, steps: Int = 60) throws -> [StepResult] {
        let gan = try makeGAN(dataset: "digits", seed: seed, batch: 16, threads: 1)
        return (0..<steps).map { _ in gan.step() }
    }

    @Test func sameSeedGivesBitIdenticalLosses() throws {
        let first = try losses(seed: 3), second = try losses(seed: 3)
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
        if case .adam(let adam) = gan.discriminatorOptimizer { #expect(adam.stepCount == 6) }
        if case .adam(let adam) = gan.generatorOptimizer { #expect(adam.stepCount == 2) }
    }

    @Test func generatorStepLeavesDiscriminatorUntouched() throws {
        // The D weights after an iteration equal those after its D update alone: the G update
        // must not move D (its gradients are not even computed).
        let gan = try makeGAN(dataset: "ring", batch: 8)
        _ = gan.step()
        let before = gan.model.discriminator.parameters.map(\.value.array)
        _ = gan.step()
        let after = gan.model.discriminator.parameters.map(\.value.array)
        #expect(before != after)  // D did learn in the second iteration's D update…
        let gBefore = gan.model.generator.parameters.map(\.value.array)
        _ = gan.step()
        #expect(gBefore != gan.model.generator.parameters.map(\.value.array))
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
}
