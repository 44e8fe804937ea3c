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
}
