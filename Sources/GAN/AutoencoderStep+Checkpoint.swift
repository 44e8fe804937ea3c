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

    /// Loads the snapshot at `path` and rebuilds its training state, data set included.
    ///
    /// - Parameters:
    ///   - folder: the cache and reporting for a `folder:` set (its size and channels become the snapshot's).
    ///   - adjust: may change what a resumed run is allowed to change (total steps, threads), or
    ///     throw to refuse the snapshot.
    public static func resuming(
        path: String, folder: FolderOptions = FolderOptions(),
        adjust: (inout TrainingConfig, AutoencoderCheckpointInfo) throws -> Void = { _, _ in }
    ) throws -> (autoencoder: AutoencoderStep, info: AutoencoderCheckpointInfo) {
        let checkpoint = try AutoencoderCheckpoint.load(path: path)
        var config = checkpoint.info.config
        try adjust(&config, checkpoint.info)
        let dataset = try DatasetCatalog.load(config, shape: checkpoint.info.dataShape, folder: folder)
        let autoencoder = try AutoencoderStep(resuming: checkpoint, config: config, dataset: dataset, source: path)
        return (autoencoder, checkpoint.info)
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
