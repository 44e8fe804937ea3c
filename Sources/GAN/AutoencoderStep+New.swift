import Datasets

extension AutoencoderStep {
    /// A new model for `config` and `options` on `dataset`, as a fresh run builds it, after
    /// checking, before any buffer is allocated, every setting and the networks' buffers against
    /// the limits a checkpoint must meet: a run refused here is refused before it writes anything
    /// or reaches the numeric code (release builds do not trap), and one accepted can be saved and resumed.
    public static func fresh(config: TrainingConfig, options: AutoencoderOptions,
                             dataset: Dataset) throws(ArchitectureProblem) -> AutoencoderStep {
        let architecture = try AutoencoderArchitecture.make(
            options.kind, network: config.model ?? .mlp, for: dataset.shape, latentDimension: config.latentDimension,
            batchNorm: config.batchNorm ?? false, convolutionWidth: config.convolutionWidth,
            reconstruction: options.reconstruction)
        if let problem = AutoencoderCheckpointInfo.problem(config: config, options: options, architecture: architecture,
                                                           shape: dataset.shape) {
            throw ArchitectureProblem(problem)
        }
        let model = AutoencoderModel(architecture: architecture, kind: options.kind, reconstruction: options.reconstruction,
                                     features: dataset.featureCount, seed: config.seed, sampleCount: config.sampleCount)
        return AutoencoderStep(model: model, config: config, options: options, dataset: dataset)
    }
}
