import Datasets
import GAN

/// What an autoencoder or VAE run shows beyond a GAN's events: its loss terms per step, the
/// reconstruction strip and, for a 2-D latent space, the latent map. The decoded prior samples
/// are the GAN's sample grid (`TrainerEvent.samples`) and need no case here.
public enum AutoencoderEvent: Sendable {
    case losses(AutoencoderLosses)
    case reconstructions(Reconstructions)
    case latentMap(LatentMap)
}

/// One step's loss terms, each per sample and summed over pixels (the engine's definitions).
public struct AutoencoderLosses: Sendable, Equatable {
    public var step: Int
    public var reconstruction: Float
    /// KL(q(z|x) ‖ N(0, I)); nil for the autoencoder, which has no prior.
    public var kl: Float?
    /// The evidence lower bound, −(reconstruction + KL); nil for the autoencoder.
    public var elbo: Float?

    public init(step: Int, reconstruction: Float, kl: Float? = nil, elbo: Float? = nil) {
        self.step = step
        self.reconstruction = reconstruction
        self.kl = kl
        self.elbo = elbo
    }
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

/// A 2-D latent space seen two ways: the decoder's output on a `side`×`side` grid of z over
/// [−range, range]², and the encoder's means of labelled data points.
public struct LatentMap: Sendable {
    public var step: Int
    /// The decoded grid, row by row from the top (z₂ = +range) down, z₁ rising left to right;
    /// `decoded.count` is `side * side`.
    public var decoded: SampleImages
    public var side: Int
    public var range: Float
    /// Encoder means of data points and their classes, in the same order.
    public var points: [SIMD2<Float>]
    public var labels: [Int]

    public init(step: Int, decoded: SampleImages, side: Int, range: Float = 3, points: [SIMD2<Float>], labels: [Int]) {
        self.step = step
        self.decoded = decoded
        self.side = side
        self.range = range
        self.points = points
        self.labels = labels
    }

    /// The grid sizes that pick evenly spaced rows and columns of the decoded grid: every k
    /// with (side − 1) divisible by (k − 1), largest first (13 gives 13, 7, 5, 4, 3, 2).
    public var subgridSizes: [Int] {
        guard side >= 2 else { return side == 1 ? [1] : [] }
        return (2...side).reversed().filter { (side - 1) % ($0 - 1) == 0 }
    }

    /// The index into ``decoded`` of row `row`, column `column` of a k×k subgrid.
    public func decodedIndex(row: Int, column: Int, subgrid k: Int) -> Int {
        guard k > 1 else { return (side / 2) * side + side / 2 }
        let spacing = (side - 1) / (k - 1)
        return row * spacing * side + column * spacing
    }
}

/// Which picture the samples panel shows in an AE or VAE run with a 2-D latent space (key `z`).
public enum LatentView: Sendable, CaseIterable {
    /// The decoded prior samples (the fixed-noise grid).
    case samples
    /// The decoded grid over z ∈ [−3, 3]².
    case decodedGrid
    /// The encoder's means of data points, coloured by class.
    case encodedPoints
}
