/// What one step measured, in its model's own terms: the one loss vocabulary of the trainer's
/// events, logs and panels.
public enum StepLosses: Sendable, Equatable {
    /// The GAN: D's and G's losses and D's mean verdicts.
    case adversarial(StepResult)
    /// The autoencoder and the VAE: the reconstruction term, and the VAE's KL term and ELBO.
    case autoencoder(AutoencoderLosses)

    public var isFinite: Bool {
        switch self {
        case .adversarial(let result): result.isFinite
        case .autoencoder(let losses): losses.isFinite
        }
    }

    /// The GAN's figures; nil for another model.
    public var adversarial: StepResult? {
        if case .adversarial(let result) = self { result } else { nil }
    }

    /// The autoencoders' figures; nil for the GAN.
    public var autoencoder: AutoencoderLosses? {
        if case .autoencoder(let losses) = self { losses } else { nil }
    }
}

/// An autoencoder's or a VAE's step, each term per sample (mean over the minibatch) and summed
/// over the sample's values, so that the figures do not change with the batch size.
public struct AutoencoderLosses: Sendable, Equatable {
    /// The reconstruction loss: BCE against the pixels mapped to [0, 1], or the squared error.
    public var reconstruction: Float
    /// KL(q(z|x) ‖ N(0, I)); nil for the plain autoencoder, which has no prior.
    public var kl: Float?

    public init(reconstruction: Float, kl: Float?) {
        self.reconstruction = reconstruction
        self.kl = kl
    }

    /// An update's terms as the log names them: the plain autoencoder has no KL term.
    public init(_ result: AutoencoderResult, kind: AutoencoderKind) {
        self.init(reconstruction: result.reconstruction, kl: kind == .vae ? result.kl : nil)
    }

    /// The evidence lower bound, −(reconstruction + KL) (with BCE, a bound on log p(x)); nil
    /// for the plain autoencoder. Without the warm-up's weight on KL: the objective's value, not
    /// the loss descended while β ramps up.
    public var elbo: Float? { kl.map { -(reconstruction + $0) } }

    public var isFinite: Bool { reconstruction.isFinite && (kl?.isFinite ?? true) }
}
