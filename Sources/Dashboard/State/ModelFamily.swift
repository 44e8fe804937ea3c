/// Which kind of generative model the dashboard follows: the panels differ (a GAN has a
/// detective to show, an autoencoder has reconstructions and a latent map).
public enum ModelFamily: String, Sendable, Equatable, CaseIterable {
    case gan
    /// The autoencoder: reconstruction only, no prior to sample from by design.
    case autoencoder = "ae"
    /// The variational autoencoder: reconstruction, KL to the prior and their sum, the ELBO.
    case variationalAutoencoder = "vae"

    public var displayName: String {
        switch self {
        case .gan: "GAN"
        case .autoencoder: "autoencoder"
        case .variationalAutoencoder: "VAE"
        }
    }

    /// Whether the model has a discriminator whose verdicts, surface and steering keys apply.
    public var isAdversarial: Bool { self == .gan }
}
