import Datasets

extension AutoencoderStep {
    /// Builds a step that continues `checkpoint` exactly: same weights, Adam moments, fixed
    /// noise, counters and random stream, so the next `step()` is the one the saved run would
    /// have taken.
    ///
    /// - Parameters:
    ///   - config: the checkpoint's configuration with any allowed changes (total `steps`,
    ///     `threads`); everything that shapes the computation must be unchanged.
    ///   - dataset: the checkpoint's data set, loaded again; its shape must fit the networks.
    ///   - source: names the checkpoint in errors.
    public convenience init(resuming checkpoint: AutoencoderCheckpoint, config: TrainingConfig, dataset: Dataset,
                            source: String) throws(CheckpointError) {
        let info = checkpoint.info
        try config.checkResumable(from: info.config, dataShape: info.dataShape, dataset: dataset, source: source)
        let model = AutoencoderModel(architecture: info.architecture, kind: info.options.kind,
                                     reconstruction: info.options.reconstruction, features: dataset.featureCount,
                                     seed: config.seed, sampleCount: config.sampleCount)
        self.init(model: model, config: config, options: info.options, dataset: dataset)
        checkpoint.encoder.load(into: model.encoder)
        checkpoint.decoder.load(into: model.decoder)
        model.fixedNoise.assign(checkpoint.fixedNoise)
        encoderOptimizer.restore(checkpoint.encoderOptimizer)
        decoderOptimizer.restore(checkpoint.decoderOptimizer)
        rng = info.rng
        restoreProgress(stepCount: info.step, realSamplesSeen: info.realSamplesSeen, lastResult: info.lastResult)
    }

    /// A new model for `config` and `options` on `dataset`, as a fresh run builds it.
    public static func fresh(config: TrainingConfig, options: AutoencoderOptions,
                             dataset: Dataset) throws(ArchitectureProblem) -> AutoencoderStep {
        let isImage = if case .image = dataset.shape { true } else { false }
        if let problem = options.problem(isImage: isImage) { throw ArchitectureProblem(problem) }
        let architecture = try AutoencoderArchitecture.make(
            options.kind, network: config.model ?? .mlp, for: dataset.shape, latentDimension: config.latentDimension,
            batchNorm: config.batchNorm ?? false, reconstruction: options.reconstruction)
        let model = AutoencoderModel(architecture: architecture, kind: options.kind, reconstruction: options.reconstruction,
                                     features: dataset.featureCount, seed: config.seed, sampleCount: config.sampleCount)
        return AutoencoderStep(model: model, config: config, options: options, dataset: dataset)
    }
}
