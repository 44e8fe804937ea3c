import Datasets
@testable import GAN
import NeuralNet

/// Small autoencoders for the tests: fast in a debug build.
enum AutoencoderFixtures {
    /// `kind` on `spec` (128 samples of an image set, all of a point set), one thread, latent size 8.
    static func autoencoder(_ kind: AutoencoderKind, on spec: String = "digits", reconstruction: ReconstructionLoss = .bce,
                            batch: Int = 32, seed: UInt64 = 5,
                            configure: (inout TrainingConfig, inout AutoencoderOptions) -> Void = { _, _ in })
        throws -> AutoencoderStep
    {
        try BLAS.load()
        var config = TrainingConfig.defaults(for: spec)
        config.seed = seed
        config.batchSize = batch
        config.threads = 1
        config.sampleCount = 6
        config.latentDimension = 8
        config.learningRateG = 1e-3
        config.learningRateD = 1e-3
        config.beta1 = 0.9
        var options = AutoencoderOptions(kind: kind, reconstruction: reconstruction)
        configure(&config, &options)
        // Synthetic images are slow to draw in a debug build: a hundred or so suffice here.
        // Points at their default count, so that a resumed run reloads the same set.
        let count: Int? = ["faces", "digits"].contains(spec) ? 128 : nil
        let dataset = try DatasetCatalog.load(spec, seed: seed, count: count)
        return try AutoencoderStep.fresh(config: config, options: options, dataset: dataset)
    }
}
