/// What one autoencoder update measured. Every term is per sample: summed over the sample's
/// values (pixels or coordinates) and latent dimensions, averaged over the minibatch's M samples.
public struct AutoencoderResult: Sendable, Equatable {
    /// The reconstruction loss: BCE against the pixels in [0, 1], or the squared error.
    public var reconstruction: Float
    /// KL(q(z|x) ‖ N(0, I)); 0 for the AE, which has no such term.
    public var kl: Float
    /// The KL weight this update used: β ramped by the warm-up (0 for the AE).
    public var klWeight: Float

    public init(reconstruction: Float, kl: Float, klWeight: Float) {
        self.reconstruction = reconstruction
        self.kl = kl
        self.klWeight = klWeight
    }

    /// What the update descended: reconstruction + β_t·KL.
    public var loss: Float { reconstruction + klWeight * kl }

    /// The VAE's evidence lower bound, −(reconstruction + KL), with the full KL whatever β is
    /// (for BCE, a bound on log p(x) of the binarised pixels).
    public var elbo: Float { -(reconstruction + kl) }

    public var isFinite: Bool { reconstruction.isFinite && kl.isFinite }
}
