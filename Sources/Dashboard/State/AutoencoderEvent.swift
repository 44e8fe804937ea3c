import Datasets
import GAN

/// What an autoencoder or VAE run shows beyond a GAN's events: its loss terms per step, the
/// reconstruction strip and, for a 2-D latent space, the encoder's means of labelled points.
/// The decoded prior samples are the GAN's sample grid (`TrainerEvent.samples`), and the decoded
/// latent grid is made here from the explorer's copy of the decoder (``LatentGrid``).
public enum AutoencoderEvent: Sendable {
    case losses(step: Int, AutoencoderLosses)
    case reconstructions(Reconstructions)
    case encodedPoints(EncodedPoints)
}

/// An autoencoder's or a VAE's step, each term per sample and summed over the sample's values.
public struct AutoencoderLosses: Sendable, Equatable {
    public var reconstruction: Float
    /// KL(q(z|x) ‖ N(0, I)); nil for the plain autoencoder, which has no prior.
    public var kl: Float?

    public init(reconstruction: Float, kl: Float?) {
        self.reconstruction = reconstruction
        self.kl = kl
    }

    /// The evidence lower bound, −(reconstruction + KL); nil for the plain autoencoder.
    public var elbo: Float? { kl.map { -(reconstruction + $0) } }
}

/// Real images and what the model made of them, pair by pair (`inputs` image i is
/// reconstructed as `outputs` image i).
public struct Reconstructions: Sendable {
    public var inputs: SampleImages
    public var outputs: SampleImages

    public init(inputs: SampleImages, outputs: SampleImages) {
        self.inputs = inputs
        self.outputs = outputs
    }

    public var step: Int { outputs.step }
    /// The pairs both arrays hold.
    public var count: Int { min(inputs.count, outputs.count) }
}

/// The encoder's means of data points in a 2-D latent space, with their classes in the same order.
public struct EncodedPoints: Sendable {
    public var step: Int
    public var points: [SIMD2<Float>]
    public var labels: [Int]

    public init(step: Int, points: [SIMD2<Float>], labels: [Int]) {
        self.step = step
        self.points = points
        self.labels = labels
    }
}
