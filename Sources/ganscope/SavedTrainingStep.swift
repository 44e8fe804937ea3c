import Datasets
import GAN

/// A snapshot's training state rebuilt, whichever model it holds (the header's `model_kind`
/// says): what `train --resume` continues and `eval` measures.
enum SavedTrainingStep {
    /// What the caller may check or change before the data is loaded: the saved configuration
    /// (total steps, threads), refusing the snapshot by throwing. Given the saved step, data
    /// shape, and the autoencoder's options (nil for a GAN).
    typealias Adjust = (inout TrainingConfig, _ step: Int, _ shape: DataShape, _ autoencoder: AutoencoderOptions?) throws
        -> Void

    /// Loads the snapshot at `path` and its data set (a picture folder through `folder`); also
    /// returns the saved run's name.
    static func load(path: String, folder: FolderOptions,
                     adjust: Adjust = { _, _, _, _ in }) throws -> (step: any TrainingStep, run: String) {
        if try ModelFamily.ofCheckpoint(path: path) == .gan {
            let (gan, info) = try GANStep.resuming(path: path, folder: folder) { config, info in
                try adjust(&config, info.step, info.dataShape, nil)
            }
            return (gan, info.run)
        }
        let (autoencoder, info) = try AutoencoderStep.resuming(path: path, folder: folder) { config, info in
            try adjust(&config, info.step, info.dataShape, info.options)
        }
        return (autoencoder, info.run)
    }
}
