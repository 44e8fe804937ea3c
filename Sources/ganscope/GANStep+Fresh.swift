import ArgumentParser
import Datasets
import GAN

extension GANStep {
    /// New networks for `config`, on its data set loaded by name.
    static func fresh(config: TrainingConfig) throws -> GANStep {
        try fresh(config: config, dataset: DatasetCatalog.load(config.dataset, seed: config.seed))
    }

    /// New networks for `config` on `dataset`. Each option is already within its range; this
    /// checks the combination (M and z against the image size) before the buffers are allocated,
    /// and refuses it as a usage error.
    static func fresh(config: TrainingConfig, dataset: Dataset) throws -> GANStep {
        let architecture = ModelArchitecture(for: dataset.shape, featureCount: dataset.featureCount,
                                             latentDimension: config.latentDimension)
        if let problem = ConfigLimits.problem(config, architecture: architecture) {
            throw ValidationError("--batch \(config.batchSize) with --z-dim \(architecture.latentDimension) "
                + "on \(dataset.name) (\(dataset.featureCount) values a sample): \(problem)")
        }
        let model = GANModel(architecture: architecture, seed: config.seed, sampleCount: config.sampleCount)
        return GANStep(model: model, config: config, dataset: dataset)
    }
}
