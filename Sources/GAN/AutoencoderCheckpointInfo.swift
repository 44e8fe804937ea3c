import Datasets
import Foundation
import NeuralNet
import Randomness

/// What an autoencoder checkpoint says about itself, from its metadata alone. The file is a
/// ganscope checkpoint (same `format` and version as a GAN's, the same keys for what both runs
/// have: run, step, samples seen, random stream, configuration, data set, creation time) that
/// names its model in `model_kind` ("ae" or "vae"; a GAN's checkpoint has no such key) and adds
/// `beta`, `kl_warmup_steps` and `reconstruction`, and the last update's terms.
public struct AutoencoderCheckpointInfo: Sendable, Equatable {
    public var run: String
    /// Updates taken.
    public var step: Int
    public var realSamplesSeen: Int
    /// The training random stream, positioned after `step`.
    public var rng: SeededRNG
    /// The shared settings (data set, seed, batch, optimiser, rates, latent size, network family).
    public var config: TrainingConfig
    public var options: AutoencoderOptions
    public var architecture: AutoencoderArchitecture
    public var dataShape: DataShape
    /// When the snapshot was taken, to the millisecond.
    public var created: Date
    /// The last update's terms; nil at step 0.
    public var lastResult: AutoencoderResult?

    public init(run: String, step: Int, realSamplesSeen: Int, rng: SeededRNG, config: TrainingConfig,
                options: AutoencoderOptions, architecture: AutoencoderArchitecture, dataShape: DataShape,
                created: Date, lastResult: AutoencoderResult?) {
        self.run = run
        self.step = step
        self.realSamplesSeen = realSamplesSeen
        self.rng = rng
        self.config = config
        self.options = options
        self.architecture = architecture
        self.dataShape = dataShape
        self.created = Date(timeIntervalSince1970: (created.timeIntervalSince1970 * 1000).rounded() / 1000)
        self.lastResult = lastResult
    }

    /// The state of `autoencoder` now.
    public init(of autoencoder: AutoencoderStep, run: String, created: Date = Date()) {
        self.init(run: run, step: autoencoder.stepCount, realSamplesSeen: autoencoder.realSamplesSeen,
                  rng: autoencoder.rng, config: autoencoder.config, options: autoencoder.options,
                  architecture: autoencoder.model.architecture, dataShape: autoencoder.dataset.shape,
                  created: created, lastResult: autoencoder.lastResult)
    }

    /// What is wrong with these settings, or nil: the shared ones within ``ConfigLimits``, the
    /// options valid for the data, and the buffers within the limit.
    static func problem(config: TrainingConfig, options: AutoencoderOptions,
                        architecture: AutoencoderArchitecture, shape: DataShape) -> String? {
        let isImage = if case .image = shape { true } else { false }
        if let problem = ConfigLimits.settingsProblem(config, latentDimension: architecture.latentDimension)
            ?? options.problem(isImage: isImage) {
            return problem
        }
        guard let layouts = try? architecture.layouts(features: shape.featureCount, kind: options.kind) else {
            return "the networks' layers do not fit together"
        }
        return ConfigLimits.bufferProblem(rows: max(config.batchSize, config.sampleCount),
                                          widest: max(layouts.encoder.widest, layouts.decoder.widest))
    }
}
