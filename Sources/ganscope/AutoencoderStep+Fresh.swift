import ArgumentParser
import Datasets
import GAN

extension AutoencoderStep {
    /// A new autoencoder for `config` and `options` on `dataset`. Each option is already within
    /// its range; the combination (the model against the data, the buffers) is refused as a
    /// usage error, before the buffers are allocated.
    static func freshFromOptions(config: TrainingConfig, options: AutoencoderOptions,
                                 dataset: Dataset) throws -> AutoencoderStep {
        do throws(ArchitectureProblem) {
            return try fresh(config: config, options: options, dataset: dataset)
        } catch {
            let network = config.model.map { " --network \($0.rawValue)" } ?? ""
            throw ValidationError("--model \(options.kind.rawValue)\(network): \(error.detail) (data set \(dataset.name))")
        }
    }
}
