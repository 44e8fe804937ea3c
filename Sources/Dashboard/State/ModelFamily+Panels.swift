import GAN

extension ModelFamily {
    /// The model's name in a sentence.
    public var displayName: String {
        switch self {
        case .gan: "GAN"
        case .autoencoder: "autoencoder"
        case .variationalAutoencoder: "VAE"
        }
    }

    /// The model's name where space is short (compare's column headers and chart legend).
    public var shortName: String {
        switch self {
        case .gan: "GAN"
        case .autoencoder: "AE"
        case .variationalAutoencoder: "VAE"
        }
    }

    /// Whether the model has a discriminator whose verdicts, surface and steering keys apply.
    public var isAdversarial: Bool { self == .gan }
}
