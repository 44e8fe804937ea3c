import GAN
import NeuralNet
import Randomness

/// A snapshot's generator (a GAN's G or an autoencoder's decoder, or a PyTorch state dict's), turning latent vectors into
/// images for `sample` and `interpolate`.
struct CheckpointGenerator {
    let file: GeneratorFile
    private let network: MLP<Float>

    let path: String

    /// Loads and validates the file at `path`; `hints` help read a PyTorch state dict.
    init(path: String, hints: GeneratorHints = GeneratorHints()) throws {
        self.path = path
        try BLAS.load()
        BLAS.threads = 1
        file = try GeneratorFile.load(path: path, hints: hints)
        network = file.weights.makeNetwork()
    }

    var latentDimension: Int { file.latentDimension }

    /// Why `rows` images at once would be too many for this generator, or nil.
    func bufferProblem(rows: Int) -> String? {
        let widest = file.weights.layout.widest
        guard widest > ConfigLimits.maximumBufferElements / max(rows, 1) else { return nil }
        return "\(rows) rows of \(widest) values exceed the \(ConfigLimits.maximumBufferElements)-float buffer limit"
    }

    /// `count` latent vectors drawn from N(0, I) with `seed` (the explorer's stream, so the same
    /// seed shows the same faces here and in the dashboard).
    func randomLatents(count: Int, seed: UInt64) -> [[Float]] {
        var rng = SeededRNG(seed: seed, stream: RNGStream.explorer)
        return (0..<count).map { _ in (0..<latentDimension).map { _ in rng.gaussian() } }
    }

    /// G(z) for each latent vector.
    func generate(_ latents: [[Float]]) -> [[Float]] {
        let input = latents.flatMap { $0 }
        let width = network.outputSize
        let output = input.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [Float]() }
            let result = network.forward(base, batch: latents.count)
            return Array(UnsafeBufferPointer(start: result, count: latents.count * width))
        }
        return (0..<latents.count).map { Array(output[$0 * width..<($0 + 1) * width]) }
    }

    /// Draws G(z) for `latents` as one grid image at `destination` (.png or .pgm), marked as
    /// made from this file with latent vectors from `latentSource` (e.g. "latent seed 0").
    func writeImages(for latents: [[Float]], to destination: String, latentSource: String,
                     columns: Int? = nil) throws {
        let training = file.origin.map { (step: $0.step, seed: $0.config.seed) }
        let provenance = try ImageMarking.fromCheckpoint(path: path, training: training, latents: latentSource)
        try SampleImageFile.write(images: generate(latents), shape: file.shape, to: destination,
                                  provenance: provenance, columns: columns)
    }
}
