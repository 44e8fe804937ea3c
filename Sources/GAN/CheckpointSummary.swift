import Foundation

/// A snapshot as its header describes it, whichever model it holds: what `ganscope checkpoints`
/// lists and what pruning a run's old snapshots needs.
public struct CheckpointSummary: Sendable, Equatable {
    public var family: ModelFamily
    /// The layers: the MLP's or the DCGAN's (an autoencoder's mirror the GAN's).
    public var network: ModelKind
    public var run: String
    public var step: Int
    public var created: Date
    public var dataset: String
    /// The last step's figures; nil at step 0.
    public var lastLosses: StepLosses?

    public init(_ info: CheckpointInfo) {
        family = .gan
        network = info.architecture.kind
        run = info.run
        step = info.step
        created = info.created
        dataset = info.config.dataset
        lastLosses = info.lastResult.map(StepLosses.adversarial)
    }

    public init(_ info: AutoencoderCheckpointInfo) {
        family = info.options.kind == .vae ? .variationalAutoencoder : .autoencoder
        network = info.config.model ?? .mlp
        run = info.run
        step = info.step
        created = info.created
        dataset = info.config.dataset
        lastLosses = info.lastResult.map { .autoencoder(AutoencoderLosses($0, kind: info.options.kind)) }
    }

    /// Reads the header of the snapshot at `path` alone and checks its metadata.
    public static func load(path: String) throws(CheckpointError) -> CheckpointSummary {
        try ModelFamily.ofCheckpoint(path: path) == .gan
            ? CheckpointSummary(CheckpointInfo.load(path: path))
            : CheckpointSummary(AutoencoderCheckpointInfo.load(path: path))
    }

    /// `created` as ISO 8601 with milliseconds, e.g. "2025-11-27T02:05:00.123Z".
    public var createdText: String { CheckpointInfo.text(of: created) }
}
