import Datasets
import Foundation
@testable import GAN
import NeuralNet

/// Small models and runs for the checkpoint tests: fast in a debug build.
enum Fixtures {
    /// The 2-D ring with a small batch, one thread (bit-exact runs inside `BLASThreadPin.pinned`).
    static func ringConfig(seed: UInt64 = 7) -> TrainingConfig {
        var config = TrainingConfig()
        config.dataset = "ring"
        config.batchSize = 16
        config.threads = 1
        config.seed = seed
        config.sampleCount = 8
        return config
    }

    /// A fresh GAN for `config` on its data set, as `ganscope train` builds one (BLAS's thread count
    /// is left alone: see `BLASThreadPin`).
    static func gan(_ config: TrainingConfig) throws -> GANStep {
        try BLAS.load()
        let dataset = try DatasetCatalog.load(config.dataset, seed: config.seed)
        let architecture = ModelArchitecture(for: dataset.shape, featureCount: dataset.featureCount,
                                             latentDimension: config.latentDimension)
        let model = GANModel(architecture: architecture, seed: config.seed, sampleCount: config.sampleCount)
        return GANStep(model: model, config: config, dataset: dataset)
    }

    /// A tiny GAN on the ring (G 2-4-2, D 2-4-1, 3 samples) after a few steps: its checkpoint is
    /// a few hundred bytes, so thousands of variants decode quickly. `steps` is the run's target.
    static func tinyGAN(steps: Int? = nil) throws -> GANStep {
        var config = ringConfig()
        config.steps = steps
        config.sampleCount = 3
        config.latentDimension = 2
        config.batchSize = 4
        try BLAS.load()
        let dataset = try DatasetCatalog.load("ring", seed: config.seed, count: 64)
        let architecture = ModelArchitecture(
            latentDimension: 2, generator: LayerSpec.mlp(sizes: [2, 4, 2], activations: [ModelArchitecture.leaky, .identity]),
            discriminator: LayerSpec.mlp(sizes: [2, 4, 1], activations: [ModelArchitecture.leaky, .identity]))
        let gan = GANStep(model: GANModel(architecture: architecture, seed: 1, sampleCount: 3),
                          config: config, dataset: dataset)
        for _ in 0..<3 { _ = gan.step() }
        return gan
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "ganscope-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
