extension ModelFamily {
    /// The model a checkpoint holds, read from its header alone: an autoencoder's names its kind
    /// (`model_kind`), a GAN's does not. The file's loader checks the rest, so an unknown kind
    /// is the autoencoder's loader's to report.
    public static func ofCheckpoint(path: String) throws(CheckpointError) -> ModelFamily {
        guard let kind = try ModelKindHeader.load(path: path).kind else { return .gan }
        return kind == AutoencoderKind.vae.rawValue ? .variationalAutoencoder : .autoencoder
    }
}

/// Just the `model_kind` of a checkpoint's metadata.
private struct ModelKindHeader: CheckpointHeaderFormat {
    let kind: String?

    init(metadata: [String: String], source: String) {
        kind = metadata[MetadataKey.modelKind]
    }
}
