/// What a ganscope snapshot records about the run its generator comes from: a GAN's G or an
/// autoencoder's decoder, at a step of a run, with the run's fixed noise.
public struct GeneratorOrigin: Sendable, Equatable {
    public var family: ModelFamily
    public var run: String
    public var step: Int
    /// The run's configuration (its data set and seed, to rebuild the data or mark images).
    public var config: TrainingConfig
    /// The sample grid's noise, (sampleCount, latentDimension) row-major.
    public var fixedNoise: [Float]
    public var latentDimension: Int

    public init(checkpoint: Checkpoint) {
        family = .gan
        run = checkpoint.info.run
        step = checkpoint.info.step
        config = checkpoint.info.config
        fixedNoise = checkpoint.fixedNoise
        latentDimension = checkpoint.info.architecture.latentDimension
    }

    public init(checkpoint: AutoencoderCheckpoint) {
        family = checkpoint.info.options.kind == .vae ? .variationalAutoencoder : .autoencoder
        run = checkpoint.info.run
        step = checkpoint.info.step
        config = checkpoint.info.config
        fixedNoise = checkpoint.fixedNoise
        latentDimension = checkpoint.info.architecture.latentDimension
    }

    /// The generating network as messages name it: "G" for a GAN, "decoder" for an autoencoder.
    public var generatorName: String { family == .gan ? "G" : "decoder" }

    /// The fixed noise as one vector per sample.
    public var fixedNoiseVectors: [[Float]] {
        stride(from: 0, to: fixedNoise.count, by: latentDimension).map { Array(fixedNoise[$0..<($0 + latentDimension)]) }
    }
}
