import Datasets

extension AutoencoderStep {
    /// ``fresh(config:options:dataset:)`` after checking, before any buffer is allocated, every
    /// setting and the networks' buffers against the limits a checkpoint must meet, so that a
    /// run refused here is refused before it writes anything and one accepted can be saved and resumed.
    public static func checked(config: TrainingConfig, options: AutoencoderOptions,
                               dataset: Dataset) throws(ArchitectureProblem) -> AutoencoderStep {
        let architecture = try AutoencoderArchitecture.make(
            options.kind, network: config.model ?? .mlp, for: dataset.shape, latentDimension: config.latentDimension,
            batchNorm: config.batchNorm ?? false, reconstruction: options.reconstruction)
        if let problem = AutoencoderCheckpointInfo.problem(config: config, options: options, architecture: architecture,
                                                           shape: dataset.shape) {
            throw ArchitectureProblem(problem)
        }
        return try fresh(config: config, options: options, dataset: dataset)
    }
}
