import Datasets
import Foundation
import NeuralNet
import SafeTensors

extension MetadataKey {
    /// "ae" or "vae"; absent in a GAN's checkpoint.
    static let modelKind = "model_kind"
    static let beta = "beta"
    static let klWarmupSteps = "kl_warmup_steps"
    /// "bce" or "mse".
    static let reconstruction = "reconstruction"
    static let lastReconstruction = "last_reconstruction"
    static let lastKL = "last_kl"
    static let lastKLWeight = "last_kl_weight"
}

extension AutoencoderCheckpointInfo {
    /// The metadata entries of the checkpoint file. Throws for settings a checkpoint could not be
    /// read back with.
    public var metadata: [String: String] {
        get throws(CheckpointError) {
            if let problem = Self.problem(config: config, options: options, architecture: architecture,
                                          shape: dataShape) {
                throw .unsavable(detail: problem)
            }
            var entries = try CheckpointInfo.runEntries(run: run, step: step, realSamplesSeen: realSamplesSeen,
                                                        rng: rng, config: config, created: created)
            entries[MetadataKey.architecture] = try CheckpointInfo.json(
                AutoencoderRecord(architecture: architecture, shape: dataShape), key: MetadataKey.architecture)
            entries.merge([
                MetadataKey.modelKind: options.kind.rawValue,
                MetadataKey.beta: "\(options.beta)",
                MetadataKey.klWarmupSteps: String(options.klWarmupSteps),
                MetadataKey.reconstruction: options.reconstruction.rawValue,
            ]) { _, new in new }
            if let result = lastResult {
                // Plain decimal text: JSON has no NaN, and a diverged run's terms may be NaN.
                entries[MetadataKey.lastReconstruction] = "\(result.reconstruction)"
                entries[MetadataKey.lastKL] = "\(result.kl)"
                entries[MetadataKey.lastKLWeight] = "\(result.klWeight)"
            }
            return entries
        }
    }
}

extension AutoencoderCheckpointInfo {
    /// Parses and checks untrusted metadata; `source` names the file in errors. Like a GAN's, the
    /// networks may be any that fit the data, the latent size and the kind (the encoder gives
    /// 2·L values for the VAE, L for the AE).
    public init(metadata: [String: String], source: String) throws(CheckpointError) {
        let reader = MetadataReader(metadata: metadata, source: source)
        try reader.checkFormat()
        guard let kindText = metadata[MetadataKey.modelKind] else {
            throw .incompatible(source: source, detail: "a checkpoint of a GAN, not of an autoencoder")
        }
        guard let kind = AutoencoderKind(rawValue: kindText) else {
            throw .invalidMetadata(source: source, key: MetadataKey.modelKind,
                                   detail: "\(kindText.quotedForMessage) is not ae or vae")
        }
        let reconstructionText = try reader.string(MetadataKey.reconstruction)
        guard let reconstruction = ReconstructionLoss(rawValue: reconstructionText) else {
            throw .invalidMetadata(source: source, key: MetadataKey.reconstruction,
                                   detail: "\(reconstructionText.quotedForMessage) is not bce or mse")
        }
        let options = AutoencoderOptions(kind: kind, beta: try reader.number(MetadataKey.beta),
                                         klWarmupSteps: try reader.count(MetadataKey.klWarmupSteps),
                                         reconstruction: reconstruction)
        let config: TrainingConfig = try reader.json(MetadataKey.config)
        guard try reader.string(MetadataKey.dataset) == config.dataset else {
            throw .inconsistent(source: source, detail: "dataset differs from the configuration's")
        }
        let record: AutoencoderRecord = try reader.json(MetadataKey.architecture)
        let shape: DataShape, architecture: AutoencoderArchitecture
        do throws(RecordProblem) {
            shape = try record.data.shape()
            architecture = try record.architecture(for: shape, kind: kind)
        } catch {
            throw .invalidMetadata(source: source, key: MetadataKey.architecture, detail: error.detail)
        }
        if let problem = Self.problem(config: config, options: options, architecture: architecture, shape: shape) {
            throw .inconsistent(source: source, detail: problem)
        }
        self.init(run: try reader.string(MetadataKey.run), step: try reader.count(MetadataKey.step),
                  realSamplesSeen: try reader.count(MetadataKey.realSamplesSeen), rng: try reader.rng(),
                  config: config, options: options, architecture: architecture, dataShape: shape,
                  created: try reader.created(), lastResult: try reader.autoencoderResult())
    }
}

extension MetadataReader {
    /// The last update's terms: all three keys or none.
    func autoencoderResult() throws(CheckpointError) -> AutoencoderResult? {
        let keys = [MetadataKey.lastReconstruction, MetadataKey.lastKL, MetadataKey.lastKLWeight]
        guard keys.contains(where: { metadata[$0] != nil }) else { return nil }
        return AutoencoderResult(reconstruction: try number(keys[0]), kl: try number(keys[1]),
                                 klWeight: try number(keys[2]))
    }
}
