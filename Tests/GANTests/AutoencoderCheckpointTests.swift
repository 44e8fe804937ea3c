import Datasets
import Foundation
@testable import GAN
import NeuralNet
import SafeTensors
import TestSupport
import Testing

/// Autoencoder snapshots: PyTorch's names, a round trip, resuming bit for bit, and one clear
/// error naming the file for every kind of damage or mismatch.
@Suite struct AutoencoderCheckpointTests {
    /// A small VAE (encoder 2-4-4, decoder 2-4-2) on the ring after a few updates: the reader
    /// takes any networks that fit the data, latent size and kind, as a GAN's does.
    private func tinyVAE() throws -> AutoencoderStep {
        try BLAS.load()
        var config = Fixtures.ringConfig()
        config.latentDimension = 2
        config.batchSize = 4
        config.sampleCount = 3
        let options = AutoencoderOptions(kind: .vae, beta: 0.5, klWarmupSteps: 10, reconstruction: .mse)
        let architecture = AutoencoderArchitecture(
            latentDimension: 2, encoder: LayerSpec.mlp(sizes: [2, 4, 4], activations: [ModelArchitecture.leaky, .identity]),
            decoder: LayerSpec.mlp(sizes: [2, 4, 2], activations: [ModelArchitecture.leaky, .identity]))
        let model = AutoencoderModel(architecture: architecture, kind: .vae, reconstruction: .mse, features: 2, seed: 1,
                                     sampleCount: 3)
        let dataset = try DatasetCatalog.load("ring", seed: config.seed, count: 64)
        let vae = AutoencoderStep(model: model, config: config, options: options, dataset: dataset)
        for _ in 0..<3 { vae.step() }
        return vae
    }

    /// The real ring VAE, as a fresh run builds it (its architecture is the one its settings make).
    private func ringVAE() throws -> AutoencoderStep {
        try AutoencoderFixtures.autoencoder(.vae, on: "ring", reconstruction: .mse, batch: 16) { _, options in
            options.klWarmupSteps = 50
        }
    }

    @Test func namesFollowPyTorchAndTheFileRoundTrips() throws {
        let vae = try ringVAE()
        for _ in 0..<3 { vae.step() }
        let checkpoint = AutoencoderCheckpoint(of: vae, run: "vae")
        let file = try checkpoint.safeTensorsFile()
        let names = Set(file.tensors.map(\.name))
        for name in ["encoder.0.weight", "encoder.4.bias", "decoder.0.weight", "decoder.6.bias",
                     "optimizer.encoder.0.weight.exp_avg", "optimizer.decoder.6.bias.exp_avg_sq",
                     "optimizer.decoder.step", "fixed_noise"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(file.tensors.first { $0.name == "encoder.4.weight" }?.shape == [16, 128])
        #expect(file.metadata["model_kind"] == "vae" && file.metadata["reconstruction"] == "mse")
        #expect(file.metadata["kl_warmup_steps"] == "50" && file.metadata["beta"] == "1.0")
        let decoded = try AutoencoderCheckpoint.decode(file.encoded(), source: "vae.safetensors")
        #expect(decoded == checkpoint, "the decoded checkpoint differs")
    }

    /// 60 updates in one go equal 30, a snapshot file, and 30 more, bit for bit (one BLAS thread).
    @Test func resumedRunIsBitIdenticalToAnUninterruptedOne() throws {
        try BLASThreadPin.pinned(to: 1) {
            let straight = try ringVAE()
            let straightResults = (0..<60).map { _ in straight.step() }
            let first = try ringVAE()
            let firstResults = (0..<30).map { _ in first.step() }
            let folder = try Fixtures.temporaryFolder()
            let path = try CheckpointFolder(path: folder, run: "vae").save(first)
            let (resumed, info) = try AutoencoderStep.resuming(path: path) { config, _ in config.steps = 60 }
            #expect(info.step == 30 && resumed.stepCount == 30)
            let resumedResults = (0..<30).map { _ in resumed.step() }
            #expect(Self.bits(firstResults + resumedResults) == Self.bits(straightResults))
            Self.expectSameState(resumed, straight)
        }
    }

    /// The convolutional VAE `--model vae --network dcgan --batch-norm` trains: 4 updates in one
    /// go equal 2, a snapshot file, and 2 more, bit for bit, BatchNorm's running statistics included.
    @Test func convolutionalVAEResumesBitExactlyFromAFile() throws {
        try BLASThreadPin.pinned(to: 1) {
            let straight = try Self.convolutionalVAE()
            #expect(straight.model.architecture.decoder.contains { if case .batchNorm2d = $0 { true } else { false } })
            let straightResults = (0..<4).map { _ in straight.step() }
            let first = try Self.convolutionalVAE()
            let firstResults = (0..<2).map { _ in first.step() }
            let path = try CheckpointFolder(path: Fixtures.temporaryFolder(), run: "conv").save(first)
            let checkpoint = try AutoencoderCheckpoint.load(path: path)
            let resumed = try AutoencoderStep(resuming: checkpoint, config: first.config, dataset: first.dataset,
                                              source: path)
            let resumedResults = (0..<2).map { _ in resumed.step() }
            #expect(Self.bits(firstResults + resumedResults) == Self.bits(straightResults))
            Self.expectSameState(resumed, straight)
        }
    }

    /// A VAE with the DCGAN's layers and BatchNorm in the decoder, on 28×28 colour noise, batch 4.
    private static func convolutionalVAE() throws -> AutoencoderStep {
        try BLAS.load()
        return try AutoencoderStep.fresh(config: DCGANTests.config(),
                                         options: AutoencoderOptions(kind: .vae, klWarmupSteps: 3, reconstruction: .mse),
                                         dataset: DCGANTests.colourImages())
    }

    /// A stop request seen after the first, second or third pass of an update undoes it: the
    /// state is the one before (BatchNorm's statistics included) and training goes on as if the
    /// update had never started.
    @Test(arguments: [1, 2, 3])
    func anAbandonedUpdateLeavesTheStateAsBefore(passes: Int) throws {
        try BLASThreadPin.pinned(to: 1) {
            let straight = try Self.convolutionalVAE(), stopped = try Self.convolutionalVAE()
            let straightResults = (0..<3).map { _ in straight.step() }
            let stoppedFirst = stopped.step()
            let before = AutoencoderCheckpoint(of: stopped, run: "r")
            var asked = 0
            #expect(stopped.step(abandoningIf: { asked += 1; return asked == passes }) == nil)
            #expect(asked == passes && stopped.isBetweenSteps)
            let after = AutoencoderCheckpoint(of: stopped, run: "r")
            #expect(after.encoder == before.encoder && after.decoder == before.decoder)
            #expect(after.encoderOptimizer == before.encoderOptimizer && after.decoderOptimizer == before.decoderOptimizer)
            #expect(after.info.rng == before.info.rng && after.info.step == 1 && after.info.realSamplesSeen == 4)
            let stoppedResults = [stoppedFirst] + (0..<2).map { _ in stopped.step() }
            #expect(Self.bits(stoppedResults) == Self.bits(straightResults))
            Self.expectSameState(stopped, straight)
        }
    }

    private static func bits(_ results: [AutoencoderResult]) -> [[UInt32]] {
        results.map { [$0.reconstruction, $0.kl, $0.klWeight].map(\.bitPattern) }
    }

    /// Weights (BatchNorm's statistics included), moments, pictures and counters all equal.
    private static func expectSameState(_ resumed: AutoencoderStep, _ straight: AutoencoderStep) {
        // Booleans: a failure would print megabytes of weights.
        let sameWeights = NetworkWeights(of: resumed.model.encoder) == NetworkWeights(of: straight.model.encoder)
            && NetworkWeights(of: resumed.model.decoder) == NetworkWeights(of: straight.model.decoder)
        let sameMoments = resumed.encoderOptimizer.state == straight.encoderOptimizer.state
            && resumed.decoderOptimizer.state == straight.decoderOptimizer.state
        let samePictures = resumed.model.priorSamples() == straight.model.priorSamples()
        #expect(sameWeights && sameMoments && samePictures)
        #expect(resumed.rng == straight.rng && resumed.realSamplesSeen == straight.realSamplesSeen)
    }

    @Test func resumeRefusesChangedSettingsAndOtherData() throws {
        let vae = try ringVAE()
        vae.step()
        let checkpoint = AutoencoderCheckpoint(of: vae, run: "r")
        var changed = checkpoint.info.config
        changed.batchSize = 8
        #expect(throws: CheckpointError.self) {
            try AutoencoderStep(resuming: checkpoint, config: changed, dataset: vae.dataset, source: "r.safetensors")
        }
        let digits = try DatasetCatalog.load("digits", seed: 0, count: 4)
        #expect(throws: CheckpointError.self) {
            try AutoencoderStep(resuming: checkpoint, config: checkpoint.info.config, dataset: digits,
                                source: "r.safetensors")
        }
    }

    /// A GAN's file read as an autoencoder's and the other way round: one line saying which it is.
    @Test func ganAndAutoencoderFilesAreNotConfused() throws {
        let ganBytes = try Checkpoint(of: Fixtures.tinyGAN(), run: "gan").safeTensorsFile().encoded()
        #expect(throws: CheckpointError.incompatible(source: "gan.safetensors",
                                                     detail: "a checkpoint of a GAN, not of an autoencoder")) {
            try AutoencoderCheckpoint.decode(ganBytes, source: "gan.safetensors")
        }
        let vaeBytes = try AutoencoderCheckpoint(of: ringVAE(), run: "vae").safeTensorsFile().encoded()
        #expect(throws: CheckpointError.incompatible(source: "vae.safetensors",
                                                     detail: "a checkpoint of an autoencoder (model_kind \"vae\"), not of a GAN")) {
            try Checkpoint.decode(vaeBytes, source: "vae.safetensors")
        }
    }

    /// The ring VAE's file with `change` applied to its tensors and metadata, decoded.
    private func decodeModified(_ change: (inout [Tensor], inout [String: String]) throws -> Void)
        throws -> CheckpointError?
    {
        try GANTests.decodeModified(try AutoencoderCheckpoint(of: ringVAE(), run: "vae").safeTensorsFile(),
                                    as: AutoencoderCheckpoint.self, change)
    }

    @Test func damagedTensorsAreNamed() throws {
        let missing = try decodeModified { tensors, _ in tensors.removeAll { $0.name == "decoder.6.bias" } }
        #expect(missing == .missingTensor(source: "bad.safetensors", name: "decoder.6.bias"))
        let extra = try decodeModified { tensors, _ in
            tensors.append(try Tensor(name: "generator.0.weight", shape: [], values: [1]))
        }
        #expect(extra == .unexpectedTensor(source: "bad.safetensors", name: "generator.0.weight"))
        let misshapen = try decodeModified { tensors, _ in
            let index = try #require(tensors.firstIndex { $0.name == "encoder.4.weight" })
            tensors[index] = try Tensor(name: "encoder.4.weight", shape: [128, 16], values: tensors[index].values)
        }
        #expect(misshapen == .shapeMismatch(source: "bad.safetensors", name: "encoder.4.weight",
                                            expected: [16, 128], found: [128, 16]))
    }

    @Test func badMetadataIsRefused() throws {
        let cases: [(key: String, value: String?)] = [
            ("model_kind", "gan2"), ("reconstruction", "l1"), ("reconstruction", nil), ("beta", "abc"),
            ("beta", "-1"), ("beta", "inf"), ("kl_warmup_steps", "-3"), ("rng_state", "[0,0,0,0]"),
            ("architecture", "{}"), ("step", "x"), ("created", "yesterday"), ("last_kl", "one"),
        ]
        for (key, value) in cases {
            let error = try decodeModified { _, metadata in metadata[key] = value }
            #expect(error != nil, "\(key) = \(value ?? "nil")")
        }
        // BCE on points; the other kind, whose encoder gives L values, not 2·L; a latent size the
        // networks do not have.
        let bceOnPoints = try decodeModified { _, metadata in metadata["reconstruction"] = "bce" }
        #expect(bceOnPoints == .inconsistent(source: "bad.safetensors",
                                             detail: "BCE reconstruction needs pixels in [0, 1]; 2-D point sets use MSE"))
        let otherKind = try decodeModified { _, metadata in metadata["model_kind"] = "ae" }
        guard case .invalidMetadata(_, "architecture", _)? = otherKind else {
            Issue.record("model_kind ae: \(String(describing: otherKind))")
            return
        }
        let otherLatent = try decodeModified { _, metadata in
            metadata["config"] = metadata["config"]?.replacingOccurrences(of: "\"latentDimension\":8",
                                                                          with: "\"latentDimension\":4")
        }
        #expect(otherLatent == .inconsistent(source: "bad.safetensors",
                                             detail: "latentDimension 4 differs from the architecture's 8"))
    }

    /// Snapshots of an autoencoder run are pruned like a GAN's (`keepLast`).
    @Test func keepLastPrunesAutoencoderSnapshots() throws {
        let vae = try tinyVAE()
        let folder = try Fixtures.temporaryFolder()
        let store = CheckpointFolder(path: folder, run: "vae", keepLast: 2)
        var paths: [String] = []
        for _ in 0..<3 {
            vae.step()
            paths.append(try store.save(vae))
        }
        #expect(try store.saveIfChanged(vae) == nil)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(left == paths.suffix(2).map { URL(fileURLWithPath: $0).lastPathComponent })
    }
}
