import ArgumentParser
import GAN

/// What `--model` chooses: the GAN's networks (`mlp`, `dcgan`) or an autoencoder (`ae`, `vae`,
/// whose networks mirror the GAN's; `--network` picks the MLP's or the DCGAN's).
// Decodable because ArgumentParser decodes every stored property of an option group, the
// unparsed `TrainingOptions.model` included.
enum ModelChoice: String, CaseIterable, Decodable, ExpressibleByArgument {
    case mlp, dcgan, ae, vae

    init(network: ModelKind?) {
        self = network == .dcgan ? .dcgan : .mlp
    }

    init(autoencoder kind: AutoencoderKind) {
        self = kind == .vae ? .vae : .ae
    }

    /// The autoencoder this trains; nil for the GAN.
    var autoencoderKind: AutoencoderKind? {
        switch self {
        case .mlp, .dcgan: nil
        case .ae: .ae
        case .vae: .vae
        }
    }

    /// The configuration's network family (nil is the MLP, as checkpoints before the DCGAN store it):
    /// the GAN's from the model itself, an autoencoder's from `--network` (`autoencoderNetwork`).
    func network(autoencoderNetwork: ModelKind?) -> ModelKind? {
        let kind = autoencoderKind == nil ? (self == .dcgan ? .dcgan : .mlp) : autoencoderNetwork ?? .mlp
        return kind == .dcgan ? .dcgan : nil
    }
}
