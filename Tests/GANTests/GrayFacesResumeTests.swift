import Datasets
import Foundation
@testable import GAN
import NeuralNet
import SafeTensors
import TestSupport
import Testing

/// Before colour, `faces` was grayscale, and checkpoints named that set "faces" without a channel
/// count. Such a checkpoint must resume on `faces-gray` (the same bytes) exactly.
@Suite struct GrayFacesResumeTests {
    @Test func checkpointOfGrayFacesFromBeforeColourResumesBitExactly() throws {
        try BLASThreadPin.pinned(to: 1) {
            let straight = try Self.smallGAN()
            let straightResults = (0..<6).map { _ in straight.step() }

            let first = try Self.smallGAN()
            for _ in 0..<3 { _ = first.step() }
            let old = try Self.asWrittenBeforeColour(Checkpoint(of: first, run: "faces-0").safeTensorsFile())
            #expect(old.metadata["dataset"] == "faces" && old.metadata["architecture"]?.contains("channels") == false)

            let checkpoint = try Checkpoint.decode(old.encoded(), source: "old.safetensors")
            #expect(checkpoint.info.config.dataset == "faces-gray")
            #expect(checkpoint.info.dataShape == .image(width: 32, height: 32, channels: 1))
            let dataset = try DatasetCatalog.load(checkpoint.info.config.dataset, seed: 0, count: 64)
            let resumed = try GANStep(resuming: checkpoint, config: checkpoint.info.config, dataset: dataset,
                                      source: "old.safetensors")
            let resumedResults = (0..<3).map { _ in resumed.step() }
            #expect(resumedResults.map(\.generatorLoss.bitPattern) == straightResults.suffix(3).map(\.generatorLoss.bitPattern))
            #expect(resumedResults.map(\.discriminatorLoss.bitPattern)
                == straightResults.suffix(3).map(\.discriminatorLoss.bitPattern))
            #expect(NetworkWeights(of: resumed.model.generator) == NetworkWeights(of: straight.model.generator))
            #expect(NetworkWeights(of: resumed.model.discriminator) == NetworkWeights(of: straight.model.discriminator))
        }
    }

    /// Colour checkpoints keep the name: "faces" with three channels is the colour set.
    @Test func colourFacesKeepTheirName() throws {
        #expect(DatasetCatalog.currentName(of: "faces", recordedChannels: 3) == "faces")
        #expect(DatasetCatalog.currentName(of: "faces", recordedChannels: 1) == "faces-gray")
        #expect(DatasetCatalog.currentName(of: "digits", recordedChannels: 1) == "digits")
        #expect(DatasetCatalog.currentName(of: "ring", recordedChannels: 0) == "ring")
    }

    /// A small MLP GAN (G z(4) → 8 → 1024, D 1024 → 8 → 1) on 64 gray faces: quick in a debug build.
    private static func smallGAN() throws -> GANStep {
        var config = TrainingConfig()
        config.dataset = "faces-gray"
        config.batchSize = 8
        config.threads = 1
        config.sampleCount = 4
        config.latentDimension = 4
        try BLAS.load()
        let dataset = try DatasetCatalog.load(config.dataset, seed: config.seed, count: 64)
        let architecture = ModelArchitecture(
            latentDimension: 4,
            generator: LayerSpec.mlp(sizes: [4, 8, 1024], activations: [ModelArchitecture.leaky, .tanh]),
            discriminator: LayerSpec.mlp(sizes: [1024, 8, 1], activations: [ModelArchitecture.leaky, .identity]))
        return GANStep(model: GANModel(architecture: architecture, seed: 1, sampleCount: 4), config: config,
                       dataset: dataset)
    }

    /// `file` as ganscope wrote it before colour: the data set called "faces" in the metadata and
    /// the configuration, and no "channels" in the architecture record.
    private static func asWrittenBeforeColour(_ file: SafeTensorsFile) throws -> SafeTensorsFile {
        var metadata = file.metadata
        metadata["dataset"] = "faces"
        metadata["config"] = metadata["config"]?.replacingOccurrences(of: "\"faces-gray\"", with: "\"faces\"")
        metadata["architecture"] = metadata["architecture"]?.replacingOccurrences(of: ",\"channels\":1", with: "")
            .replacingOccurrences(of: "\"channels\":1,", with: "")
        return try SafeTensorsFile(tensors: file.tensors, metadata: metadata)
    }
}
