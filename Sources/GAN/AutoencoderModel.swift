import NeuralNet
import Randomness

/// An autoencoder's encoder and decoder, and the fixed prior noise whose decoded images the
/// sample grid shows (as ``GANModel``'s fixed noise does for G). Not `Sendable`: it belongs to the
/// thread that owns its ``AutoencoderStep``.
public final class AutoencoderModel {
    public let architecture: AutoencoderArchitecture
    public let kind: AutoencoderKind
    public let reconstruction: ReconstructionLoss
    public let encoder: Sequential<Float>
    public let decoder: Sequential<Float>
    /// (sampleCount, latentDimension) draws from the prior N(0, I), made once from the seed.
    public let fixedNoise: Buffer<Float>
    public let sampleCount: Int

    /// Fresh networks with PyTorch's default initialisation, the encoder's first, all drawn from
    /// `seed`'s initialisation stream; the fixed noise from its fixed-noise stream.
    public init(architecture: AutoencoderArchitecture, kind: AutoencoderKind, reconstruction: ReconstructionLoss,
                features: Int, seed: UInt64, sampleCount: Int) {
        self.architecture = architecture
        self.kind = kind
        self.reconstruction = reconstruction
        self.sampleCount = sampleCount
        var initRNG = SeededRNG(seed: seed, stream: RNGStream.initialisation)
        encoder = Sequential(layers: architecture.encoder, inputs: features, rng: &initRNG)
        decoder = Sequential(layers: architecture.decoder, inputs: architecture.latentDimension, rng: &initRNG)
        var noiseRNG = SeededRNG(seed: seed, stream: RNGStream.fixedNoise)
        fixedNoise = Buffer(count: sampleCount * architecture.latentDimension)
        for i in 0..<fixedNoise.count { fixedNoise[i] = noiseRNG.gaussian() }
    }

    public var latentDimension: Int { architecture.latentDimension }
    /// Values per data sample.
    public var features: Int { decoder.outputSize }

    /// Values the encoder gives per sample: z for the AE, μ and log σ² for the VAE.
    public var codeSize: Int { encoder.outputSize }

    /// The data-space value of each of `count` decoder outputs, in place: for BCE the logits
    /// become 2σ(logit) − 1 (the pixel in [0, 1] mapped back to the data's [−1, 1]); MSE's
    /// outputs are in data space already.
    public func toDataSpace(_ outputs: UnsafeMutablePointer<Float>, count: Int) {
        guard reconstruction == .bce else { return }
        for i in 0..<count { outputs[i] = 2 * BinaryCrossEntropy.sigmoid(outputs[i]) - 1 }
    }

    /// The reconstruction target of each of `count` data values: for BCE the pixel in [0, 1],
    /// (x + 1) / 2; for MSE the value itself.
    public func toTargets(_ data: UnsafePointer<Float>, _ targets: UnsafeMutablePointer<Float>, count: Int) {
        switch reconstruction {
        case .bce: for i in 0..<count { targets[i] = (data[i] + 1) / 2 }
        case .mse: targets.update(from: data, count: count)
        }
    }
}
