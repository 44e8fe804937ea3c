import Datasets
import Testing
@testable import GAN
import NeuralNet
import TestSupport

/// Stopping, saving and resuming must not change a run at all: with one thread, 400 steps in one
/// go and 200 + 200 through a checkpoint file give the same bits, with constant or decaying rates.
@Suite struct ResumeTests {
    /// Bit-identical only with one fixed BLAS thread count, hence the pin (see `BLASThreadPin`).
    @Test(arguments: [nil, 150])
    func resumedRunIsBitIdenticalToAnUninterruptedOne(halfLife: Int?) throws {
        try BLASThreadPin.pinned(to: 1) { try checkResume(halfLife: halfLife) }
    }

    private func checkResume(halfLife: Int?) throws {
        var config = Fixtures.ringConfig()
        config.learningRateHalfLife = halfLife
        let straight = try Fixtures.gan(config)
        let straightResults = (0..<400).map { _ in straight.step() }

        let first = try Fixtures.gan(config)
        let firstResults = (0..<200).map { _ in first.step() }
        let folder = try Fixtures.temporaryFolder()
        let path = try CheckpointFolder(path: folder, run: "resume").save(first)

        let checkpoint = try Checkpoint.load(path: path)
        var resumeConfig = checkpoint.info.config
        resumeConfig.steps = 400
        let dataset = try DatasetCatalog.load(resumeConfig.dataset, seed: resumeConfig.seed)
        let resumed = try GANStep(resuming: checkpoint, config: resumeConfig, dataset: dataset, source: path)
        #expect(resumed.stepCount == 200)
        let resumedResults = (0..<200).map { _ in resumed.step() }

        let bits = { (results: [StepResult]) in
            results.map { [$0.discriminatorLoss, $0.generatorLoss, $0.meanRealScore, $0.meanFakeScore].map(\.bitPattern) }
        }
        #expect(bits(firstResults + resumedResults) == bits(straightResults))
        #expect(NetworkWeights(of: resumed.model.generator) == NetworkWeights(of: straight.model.generator))
        #expect(NetworkWeights(of: resumed.model.discriminator) == NetworkWeights(of: straight.model.discriminator))
        #expect(resumed.generatorOptimizer.state == straight.generatorOptimizer.state)
        #expect(resumed.discriminatorOptimizer.state == straight.discriminatorOptimizer.state)
        #expect(resumed.rng == straight.rng)
        #expect(resumed.realSamplesSeen == straight.realSamplesSeen)
    }

    @Test func resumeRefusesChangedSettings() throws {
        let gan = try Fixtures.gan(Fixtures.ringConfig())
        _ = gan.step()
        let checkpoint = Checkpoint(of: gan, run: "r")
        var changed = checkpoint.info.config
        changed.batchSize = 32
        #expect(throws: CheckpointError.self) {
            try GANStep(resuming: checkpoint, config: changed, dataset: gan.dataset, source: "r.safetensors")
        }
        let faces = try DatasetCatalog.load("faces", seed: 0, count: 4)
        #expect(throws: CheckpointError.self) {
            try GANStep(resuming: checkpoint, config: checkpoint.info.config, dataset: faces, source: "r.safetensors")
        }
    }
}
