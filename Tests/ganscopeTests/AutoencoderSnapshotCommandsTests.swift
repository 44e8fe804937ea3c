import ArgumentParser
import Dashboard
import Datasets
import Foundation
@testable import GAN
import ImageIO
import NeuralNet
import TestSupport
import Testing
@testable import ganscope

/// An autoencoder's snapshot through the commands that read snapshots: `sample` draws its
/// decoder in data space, `eval` measures it as training does, `checkpoints` lists it, and a
/// broken one is a one-line error naming the file.
@Suite struct AutoencoderSnapshotCommandsTests {
    let folder = NSTemporaryDirectory() + "ganscope-ae-snapshots-\(UInt64.random(in: 0 ... .max))"

    /// `kind` trained `steps` updates on `spec` (few samples, one thread), saved in `folder`.
    private func saved(_ kind: AutoencoderKind, on spec: String, reconstruction: ReconstructionLoss, steps: Int,
                       run: String) throws -> (autoencoder: AutoencoderStep, path: String) {
        try BLAS.load()
        var config = TrainingConfig.defaults(for: spec)
        config.batchSize = 16
        config.threads = 1
        config.sampleCount = 6
        config.latentDimension = 4
        // Synthetic images are slow to draw in a debug build; points at their default count, so
        // that `eval` reloads the same set.
        let dataset = try DatasetCatalog.load(spec, seed: config.seed, count: spec == "digits" ? 64 : nil)
        let autoencoder = try AutoencoderStep.fresh(
            config: config, options: AutoencoderOptions(kind: kind, reconstruction: reconstruction), dataset: dataset)
        for _ in 0..<steps { _ = autoencoder.step() }
        return (autoencoder, try CheckpointFolder(path: folder, run: run).save(autoencoder))
    }

    private func parsed<Command: ParsableCommand>(_ arguments: [String], as _: Command.Type) throws -> Command {
        try #require(try Ganscope.parseAsRoot(arguments) as? Command)
    }

    /// With BCE the decoder gives logits: `sample --fixed` must draw 2σ(logit) − 1, the images
    /// the training dashboard showed, not the logits themselves.
    @Test func sampleDrawsTheDecoderInDataSpace() throws {
        try BLASThreadPin.pinned(to: 1) {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let (autoencoder, path) = try saved(.ae, on: "digits", reconstruction: .bce, steps: 3, run: "digits-ae")
            let out = folder + "/fixed.png"
            try parsed(["sample", "--checkpoint", path, "--out", out, "--fixed"], as: SampleCommand.self).run()

            let width = autoencoder.dataset.featureCount
            let samples = autoencoder.fixedSamples()
            let expected = try SampleImageFile.grid(
                of: (0..<samples.count / width).map { Array(samples[$0 * width..<($0 + 1) * width]) },
                shape: autoencoder.dataset.shape, for: out)
            let written = try ImageDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: out))))
            #expect(written.width == expected.width && written.height == expected.height)
            // tanh(l/2) and 2σ(l) − 1 differ in the last float bits: a byte may round the other way.
            let worst = zip(written.pixels, expected.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
            #expect(worst <= 1, "largest pixel difference \(worst)")

            let file = try GeneratorFile.load(path: path)
            #expect(file.summary == "decoder of step 3 of digits-ae (ae)")
            #expect(file.origin?.generatorName == "decoder" && file.origin?.family == .autoencoder)
            #expect(file.origin?.fixedNoiseVectors.count == 6)
        }
    }

    /// `explore` on an autoencoder's snapshot names the decoder, not G, in the explorer's title.
    @Test func exploreNamesTheDecoder() throws {
        try BLASThreadPin.pinned(to: 1) {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let (_, path) = try saved(.vae, on: "digits", reconstruction: .bce, steps: 2, run: "digits-vae")
            let command = try parsed(["explore", "--checkpoint", path], as: ExploreCommand.self)
            let setup = ExploreCommand.setup(for: try GeneratorFile.load(path: path), pointBounds: nil,
                                             display: command.display)
            var (state, _, messages) = setup(.builtIn, .full)
            for message in messages { _ = update(&state, message) }
            let title = view(state, size: (80, 24)).lines()[1]
            #expect(title.contains("Latent explorer · decoder of step 2"), "\(title)")
        }
    }

    /// MSE's decoder ends in data space already: its weights come through untouched.
    @Test func anMSEDecoderIsTheGeneratorAsItIs() throws {
        try BLASThreadPin.pinned(to: 1) {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let (autoencoder, path) = try saved(.vae, on: "ring", reconstruction: .mse, steps: 1, run: "ring-vae")
            let file = try GeneratorFile.load(path: path)
            #expect(file.weights == NetworkWeights(of: autoencoder.model.decoder))
            #expect(file.shape == .points && file.origin?.family == .variationalAutoencoder)
        }
    }

    /// `eval` measures a VAE's decoded prior samples as the trainer's `--eval-every` does: the
    /// 2-D figures, at the snapshot's step, with no discriminator's AUC.
    @Test func evalMeasuresAnAutoencoderSnapshot() throws {
        try BLASThreadPin.pinned(to: 1) {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let (_, path) = try saved(.vae, on: "ring", reconstruction: .mse, steps: 4, run: "ring-vae")
            let report = try parsed(["eval", "--checkpoint", path], as: EvalCommand.self).measure()
            #expect(report.step == 4)
            #expect(report.modeCount == 8 && report.modesCaptured != nil)
            #expect(report.discriminatorAUC == nil)
        }
    }

    /// `checkpoints` lists GANs and autoencoders alike, each with its model and its own loss terms.
    @Test func checkpointsListsEveryModel() throws {
        try BLASThreadPin.pinned(to: 1) {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            _ = try saved(.vae, on: "ring", reconstruction: .mse, steps: 2, run: "ring-vae")
            _ = try saved(.ae, on: "ring", reconstruction: .mse, steps: 0, run: "ring-ae")
            var config = TrainingConfig.defaults(for: "ring")
            config.batchSize = 16
            let gan = try GANStep.fresh(config: config)
            _ = gan.step()
            _ = try CheckpointFolder(path: folder, run: "ring-gan").save(gan)
            var convolutional = TrainingConfig.defaults(for: "digits")
            convolutional.model = .dcgan
            let blank = Dataset(name: "blank", shape: .image(width: 28, height: 28), pixels: Array(repeating: 0, count: 784))
            _ = try CheckpointFolder(path: folder, run: "conv-vae").save(
                AutoencoderStep.fresh(config: convolutional, options: AutoencoderOptions(kind: .vae), dataset: blank))

            let listing = try CheckpointFolder.list(folder)
            #expect(listing.failures.isEmpty, "\(listing.failures)")
            let lines = CheckpointsCommand.table(listing.checkpoints)
            #expect(lines.count == 5 && lines[0].hasPrefix("FILE  "))
            func line(_ file: String) -> [Substring] {
                lines.first { $0.hasPrefix(file) }.map { $0.split(separator: " ") } ?? []
            }
            #expect(line("ring-vae-000002").prefix(3) == ["ring-vae-000002.safetensors", "vae", "2"])
            #expect(line("ring-vae-000002").contains("KL") && line("ring-vae-000002").contains("ring"))
            #expect(line("ring-ae-000000").prefix(3) == ["ring-ae-000000.safetensors", "ae", "0"])
            #expect(line("ring-ae-000000").last == "-")  // no update yet, no losses
            #expect(line("ring-gan-000001").prefix(3) == ["ring-gan-000001.safetensors", "gan", "1"])
            #expect(line("conv-vae-000000").prefix(3) == ["conv-vae-000000.safetensors", "vae/dcgan", "0"])
        }
    }

    /// A snapshot whose tensors contradict its metadata is refused by `sample` and `eval` in one
    /// line naming the file.
    @Test func aBrokenAutoencoderSnapshotIsAOneLineError() throws {
        try BLASThreadPin.pinned(to: 1) {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let (autoencoder, _) = try saved(.ae, on: "ring", reconstruction: .mse, steps: 1, run: "ring-ae")
            var broken = AutoencoderCheckpoint(of: autoencoder, run: "broken")
            // The encoder's shapes under the decoder's names.
            broken.decoder = broken.encoder
            broken.decoderOptimizer = broken.encoderOptimizer
            let path = folder + "/broken.safetensors"
            try broken.write(to: path)
            let commands: [() throws -> Void] = [
                { try parsed(["sample", "--checkpoint", path, "--out", folder + "/x.png"], as: SampleCommand.self).run() },
                { _ = try parsed(["eval", "--checkpoint", path], as: EvalCommand.self).measure() },
            ]
            for command in commands {
                do {
                    try command()
                    Issue.record("the broken snapshot was accepted")
                } catch {
                    let message = "\(error)"
                    #expect(message.hasPrefix(path + ": ") && !message.contains("\n"), "\(message)")
                    #expect(message.contains("decoder.0.weight"), "\(message)")
                }
            }
            #expect(!FileManager.default.fileExists(atPath: folder + "/x.png"))
        }
    }
}
