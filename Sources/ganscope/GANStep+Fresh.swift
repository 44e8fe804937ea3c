import ArgumentParser
import Datasets
import GAN

extension GANStep {
    /// New networks for `config`, on its data set loaded by name.
    static func fresh(config: TrainingConfig) throws -> GANStep {
        try fresh(config: config, dataset: DatasetCatalog.load(config.dataset, seed: config.seed))
    }

    /// New networks for `config` on `dataset`. Each option is already within its range; this
    /// checks the combination (the model against the data, M and z against the image size)
    /// before the buffers are allocated, and refuses it as a usage error.
    static func fresh(config: TrainingConfig, dataset: Dataset) throws -> GANStep {
        let architecture: ModelArchitecture
        do throws(ArchitectureProblem) {
            architecture = try ModelArchitecture.make(config.model ?? .mlp, for: dataset.shape,
                                                      latentDimension: config.latentDimension,
                                                      batchNorm: config.batchNorm ?? false,
                                                      convolutionWidth: config.convolutionWidth)
        } catch {
            throw ValidationError("--model \((config.model ?? .mlp).rawValue): \(error.detail) (data set \(dataset.name))")
        }
        if let problem = ConfigLimits.problem(config, architecture: architecture) {
            throw ValidationError("--batch \(config.batchSize) with --z-dim \(architecture.latentDimension) "
                + "on \(dataset.name) (\(dataset.featureCount) values a sample): \(problem)")
        }
        let model = GANModel(architecture: architecture, seed: config.seed, sampleCount: config.sampleCount)
        return GANStep(model: model, config: config, dataset: dataset)
    }
}
