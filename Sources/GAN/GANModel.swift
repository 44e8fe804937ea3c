import Datasets
import NeuralNet
import Randomness

/// The forger and the detective: generator G, discriminator D, and the fixed noise whose images
/// the sample grid shows, so that changes from one frame to the next are G's, not the noise's.
/// Not `Sendable`: it belongs to the thread that owns its `GANStep`.
public final class GANModel {
    public let architecture: ModelArchitecture
    /// In training mode: BatchNorm normalises by batch statistics in both of a step's G passes,
    /// as in PyTorch's training loop.
    public let generator: Sequential<Float>
    public let discriminator: Sequential<Float>
    /// (sampleCount, latentDimension) noise drawn once from the seed.
    public let fixedNoise: Buffer<Float>
    public let sampleCount: Int

    /// Fresh networks with PyTorch's default initialisation, all drawn from `seed`.
    public init(architecture: ModelArchitecture, seed: UInt64, sampleCount: Int) {
        self.architecture = architecture
        self.sampleCount = sampleCount
        var initRNG = SeededRNG(seed: seed, stream: RNGStream.initialisation)
        generator = Sequential(layers: architecture.generator, inputs: architecture.latentDimension, rng: &initRNG)
        discriminator = Sequential(layers: architecture.discriminator, inputs: generator.outputSize, rng: &initRNG)
        var noiseRNG = SeededRNG(seed: seed, stream: RNGStream.fixedNoise)
        fixedNoise = Buffer(count: sampleCount * architecture.latentDimension)
        for i in 0..<fixedNoise.count { fixedNoise[i] = noiseRNG.gaussian() }
    }

    public var latentDimension: Int { architecture.latentDimension }

    /// G's output on the fixed noise: (sampleCount, features), row-major. Run in evaluation mode,
    /// as every image shown or saved is (BatchNorm by its running statistics), so that an image
    /// depends on its own noise only and the grid matches what `sample` draws from a checkpoint.
    public func generateFixedSamples() -> [Float] {
        generator.isTraining = false
        defer { generator.isTraining = true }
        let output = generator.forward(fixedNoise.pointer, batch: sampleCount)
        return Array(UnsafeBufferPointer(start: output, count: sampleCount * generator.outputSize))
    }
}

/// Independent random streams derived from one seed, so that e.g. changing the sample count
/// does not change the training noise.
public enum RNGStream {
    public static let initialisation: UInt64 = 1
    public static let training: UInt64 = 2
    public static let fixedNoise: UInt64 = 3
    public static let explorer: UInt64 = 4
    /// The fixed real points and noise behind the dashboard's D* view and gradient arrows
    /// (stream 5 is the dashboard's own sample of real points).
    public static let theory: UInt64 = 6
    /// The real rows of an autoencoder's reconstruction strip and latent map.
    public static let autoencoderPictures: UInt64 = 7
}
