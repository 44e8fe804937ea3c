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
        try config.checkResumable(from: info.config, dataShape: info.dataShape, dataset: dataset, source: source)
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

extension TrainingConfig {
    /// Throws unless this configuration may continue a run saved with `saved` on `dataset`:
    /// only the total steps and threads may change, and the data must have the saved shape.
    func checkResumable(from saved: TrainingConfig, dataShape: DataShape, dataset: Dataset,
                        source: String) throws(CheckpointError) {
        var expected = self
        expected.steps = saved.steps
        expected.threads = saved.threads
        guard expected == saved else {
            throw .incompatible(source: source, detail: "only the total steps and threads may change on resume")
        }
        guard dataset.shape == dataShape else {
            throw .incompatible(source: source, detail: "data set \(dataset.name) has samples of shape "
                + "\(dataset.shape), but the checkpoint was trained on \(dataShape)")
        }
    }
}

extension DatasetCatalog {
    /// The data set of a snapshot, loaded again: a `folder:` set at the snapshot's image size and
    /// channels, not the defaults, so the same pictures come back in the same shape.
    static func load(_ config: TrainingConfig, shape: DataShape, folder: FolderOptions) throws -> Dataset {
        var folder = folder
        if case .image(let width, _, let channels) = shape {
            folder.imageSize = width
            folder.channels = channels
        }
        return try DatasetCatalog.load(config.dataset, seed: config.seed, folder: folder)
    }
}
