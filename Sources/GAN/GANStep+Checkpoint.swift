import Datasets

extension GANStep {
    /// Builds a step that continues `checkpoint` exactly: same weights, Adam moments and counts,
    /// fixed noise, counters and random stream, so the next `step()` is the one the saved run
    /// would have taken.
    ///
    /// - Parameters:
    ///   - config: the checkpoint's configuration with any allowed changes (total `steps`,
    ///     `threads`); everything that shapes the computation must be unchanged.
    ///   - dataset: the checkpoint's data set, loaded again; its shape must fit the networks.
    ///   - source: names the checkpoint in errors.
    public convenience init(resuming checkpoint: Checkpoint, config: TrainingConfig, dataset: Dataset,
                            source: String) throws(CheckpointError) {
        let info = checkpoint.info
        var expected = config
        expected.steps = info.config.steps
        expected.threads = info.config.threads
        guard expected == info.config else {
            throw .incompatible(source: source, detail: "only the total steps and threads may change on resume")
        }
        guard dataset.shape == info.dataShape else {
            throw .incompatible(source: source, detail: "data set \(dataset.name) has samples of shape "
                + "\(dataset.shape), but the checkpoint was trained on \(info.dataShape)")
        }
        let model = GANModel(architecture: info.architecture, seed: config.seed, sampleCount: config.sampleCount)
        self.init(model: model, config: config, dataset: dataset)
        checkpoint.generator.load(into: model.generator)
        checkpoint.discriminator.load(into: model.discriminator)
        model.fixedNoise.assign(checkpoint.fixedNoise)
        generatorOptimizer.restore(checkpoint.generatorOptimizer)
        discriminatorOptimizer.restore(checkpoint.discriminatorOptimizer)
        rng = info.rng
        restoreProgress(stepCount: info.step, discriminatorUpdates: info.discriminatorUpdates,
                        realSamplesSeen: info.realSamplesSeen, lastResult: info.lastResult,
                        controlHistory: info.controlHistory)
    }
}

extension GANStep {
    /// Loads the snapshot at `path` and rebuilds its training state, data set included.
    ///
    /// - Parameters:
    ///   - folder: the cache and reporting for a `folder:` set; its image size and channels are
    ///     replaced by the snapshot's, so the same pictures come back in the same shape.
    ///   - adjust: may change what a resumed run is allowed to change (total steps,
    ///     threads) in the saved configuration, or throw to refuse the snapshot.
    public static func resuming(
        path: String, folder: FolderOptions = FolderOptions(),
        adjust: (inout TrainingConfig, CheckpointInfo) throws -> Void = { _, _ in }
    ) throws -> (gan: GANStep, info: CheckpointInfo) {
        let checkpoint = try Checkpoint.load(path: path)
        var config = checkpoint.info.config
        try adjust(&config, checkpoint.info)
        var folder = folder
        if case .image(let width, _, let channels) = checkpoint.info.dataShape {
            folder.imageSize = width
            folder.channels = channels
        }
        let dataset = try DatasetCatalog.load(config.dataset, seed: config.seed, folder: folder)
        let gan = try GANStep(resuming: checkpoint, config: config, dataset: dataset, source: path)
        return (gan, checkpoint.info)
    }
}
