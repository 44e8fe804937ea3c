import Datasets
import Foundation
@testable import GAN
import NeuralNet
import TestSupport
import Testing

/// The one trainer drives an autoencoder as it drives the GAN: steps with the model's own loss
/// terms, the decoded prior samples, the decoder for the explorer, snapshots; none of the
/// GAN's pictures or commands.
@Suite struct AutoencoderTrainerTests {
    private func makeAutoencoder(_ kind: AutoencoderKind, dataset spec: String, loss: ReconstructionLoss,
                                 steps: Int? = nil, latentDimension: Int? = nil) throws -> AutoencoderStep {
        var config = TrainingConfig.defaults(for: spec)
        config.latentDimension = latentDimension
        config.batchSize = 16
        config.steps = steps
        config.threads = 1
        config.sampleCount = 16
        let dataset = try DatasetCatalog.load(spec, seed: 0, count: 256)
        return try AutoencoderStep.fresh(config: config, options: AutoencoderOptions(kind: kind, reconstruction: loss),
                                           dataset: dataset)
    }

    /// A configuration over the limits is refused in one line by `fresh` itself, before the
    /// buffers are allocated or the numeric code (unchecked in release builds) sees the sizes.
    @Test func freshRefusesSizesOverTheLimits() throws {
        let tooLarge: [(String, Dataset, (inout TrainingConfig) -> Void)] = [
            ("batchSize 5000 is outside 1...4096", try DatasetCatalog.load("ring", seed: 0), { $0.batchSize = 5_000 }),
            // 65,536 prior samples of 64×64×3 values: 805 M floats in the decoder's output.
            ("65536 rows of 12288 values exceed",
             Dataset(name: "large", shape: .image(width: 64, height: 64, channels: 3), pixels: Array(repeating: 0, count: 12_288)),
             { $0.sampleCount = 65_536 }),
        ]
        for (reason, dataset, change) in tooLarge {
            var config = TrainingConfig.defaults(for: dataset.name)
            config.batchSize = 16
            change(&config)
            let options = AutoencoderOptions(kind: .vae, reconstruction: .mse)
            do {
                _ = try AutoencoderStep.fresh(config: config, options: options, dataset: dataset)
                Issue.record("accepted: \(reason)")
            } catch {
                #expect(error.detail.contains(reason) && !error.detail.contains("\n"), "\(error.detail)")
            }
        }
    }

    /// The explorer's network, run on the fixed noise, draws the sample grid: for BCE its halved
    /// output layer and tanh give 2σ(logit) − 1; for MSE it is the decoder as it is.
    @Test(arguments: [(ReconstructionLoss.bce, "digits"), (.mse, "digits"), (.mse, "ring")])
    func explorerWeightsDrawTheSamples(loss: ReconstructionLoss, dataset: String) throws {
        let autoencoder = try makeAutoencoder(.vae, dataset: dataset, loss: loss)
        for _ in 0..<3 { autoencoder.step() }  // away from the initialisation
        let explorer = try #require(autoencoder.explorerWeights()).makeNetwork()
        let noise = autoencoder.model.fixedNoise
        let drawn = Array(UnsafeBufferPointer(start: explorer.forward(noise.pointer, batch: autoencoder.model.sampleCount),
                                              count: noise.count / autoencoder.model.latentDimension * explorer.outputSize))
        let samples = autoencoder.fixedSamples()
        #expect(drawn.count == samples.count)
        let worst = zip(drawn, samples).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-5, "largest difference \(worst)")
    }

    @Test func theTrainerRunsAnAutoencoderToTheEnd() throws {
        try BLASThreadPin.pinned(to: 1) {
            let folder = NSTemporaryDirectory() + "ganscope-ae-trainer-\(UInt64.random(in: 0 ... .max))"
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let trainer = Trainer(step: try makeAutoencoder(.vae, dataset: "ring", loss: .mse, steps: 12),
                                  checkpointWriter: CheckpointFolder(path: folder, run: "vae").save,
                                  checkpointEvery: 6, publishInterval: 0)
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            trainer.send(.update(.discriminator))  // the GAN's command: nothing to do here
            trainer.start()
            waitForEnd(of: trainer)
            subscription.cancel()
            #expect(log.steps.map(\.step) == Array(1...12))
            #expect(log.steps.allSatisfy { $0.losses.autoencoder?.kl != nil && $0.result == nil })
            #expect(log.states.last == .finished)
            #expect(trainer.info.family == .variationalAutoencoder && trainer.info.modelSummary.hasPrefix("vae mlp decoder"))
            #expect(log.all.contains { if case .samples(let s) = $0 { s.count == 16 && s.values.count == 32 } else { false } })
            #expect(log.all.contains { if case .generator(let g) = $0 { g.weights.outputSize == 2 } else { false } })
            #expect(!log.all.contains {
                switch $0 {
                case .verdicts, .decisionSurface, .control: true
                default: false
                }
            })
            let saved = log.all.compactMap { if case .checkpointSaved(let path, let step) = $0 { (path, step) } else { nil } }
            #expect(saved.map(\.1) == [6, 12])
            let last = try AutoencoderCheckpoint.load(path: try #require(saved.last?.0))
            #expect(last.info.step == 12 && last.info.options.kind == .vae)
            #expect(trainer.takeFinishedStep().stepCount == 12)
        }
    }

    /// The reconstruction strip pairs fixed real rows with the model's reconstructions, and a
    /// 2-D latent space on labelled data gets the encoder's means by class; only on request.
    @Test func autoencoderPicturesArePublished() throws {
        try BLASThreadPin.pinned(to: 1) {
            let autoencoder = try makeAutoencoder(.vae, dataset: "digits", loss: .bce, steps: 2, latentDimension: 2)
            let dataset = autoencoder.dataset
            let trainer = Trainer(step: autoencoder, publishInterval: 0)
            let log = EventLog()
            let subscription = trainer.events.subscribe(to: [.reconstructions, .encodedPoints], log.append)
            trainer.start()
            waitForEnd(of: trainer)
            subscription.cancel()
            let strips = log.all.compactMap { if case .reconstructions(let r) = $0 { r } else { nil } }
            let strip = try #require(strips.last)
            #expect(strip.count == AutoencoderProbe.stripCount && strip.step == 2)
            #expect(strip.outputs.values.count == strip.inputs.values.count)
            #expect(strip.outputs.values.allSatisfy { $0 >= -1 && $0 <= 1 } && strip.outputs.values != strip.inputs.values)
            // The inputs are real rows of the data set, the same in every strip.
            let firstRow = Array(strip.inputs.values.prefix(dataset.featureCount))
            #expect((0..<dataset.count).contains { Array(dataset.sample(at: $0)) == firstRow })
            #expect(strips.allSatisfy { $0.inputs.values == strip.inputs.values })
            let points = try #require(log.all.compactMap { if case .encodedPoints(let p) = $0 { p } else { nil } }.last)
            #expect(points.points.count == AutoencoderProbe.mapCount && points.labels.count == points.points.count)
            #expect(points.labels.allSatisfy { (0..<10).contains($0) })
            #expect(points.points.allSatisfy { $0.x.isFinite && $0.y.isFinite })
        }
    }

    @Test func noLatentMapBeyondTwoDimensions() throws {
        try BLASThreadPin.pinned(to: 1) {
            let trainer = Trainer(step: try makeAutoencoder(.ae, dataset: "digits", loss: .bce, steps: 1),
                                  publishInterval: 0)
            let log = EventLog()
            let subscription = trainer.events.subscribe(to: TrainerEvent.Kind.pictures, log.append)
            trainer.start()
            waitForEnd(of: trainer)
            subscription.cancel()
            #expect(log.all.contains { $0.kind == .reconstructions })
            #expect(!log.all.contains { $0.kind == .encodedPoints })
        }
    }
}
