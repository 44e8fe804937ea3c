import GAN
import NeuralNet
import Randomness

/// A snapshot's generator, turning latent vectors into images for `sample` and `interpolate`.
struct CheckpointGenerator {
    let checkpoint: Checkpoint
    private let network: MLP<Float>

    let path: String

    /// Loads and validates the checkpoint at `path`.
    init(path: String) throws {
        self.path = path
        try BLAS.load()
        BLAS.threads = 1
        checkpoint = try Checkpoint.load(path: path)
        network = checkpoint.generator.makeNetwork()
    }

    var latentDimension: Int { checkpoint.info.architecture.latentDimension }

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
    /// made from this checkpoint with latent vectors from `latentSource` (e.g. "latent seed 0").
    func writeImages(for latents: [[Float]], to destination: String, latentSource: String,
                     columns: Int? = nil) throws {
        let provenance = try ImageMarking.fromCheckpoint(path: path, step: checkpoint.info.step,
                                                         trainingSeed: checkpoint.info.config.seed,
                                                         latents: latentSource)
        try SampleImageFile.write(images: generate(latents), shape: checkpoint.info.dataShape, to: destination,
                                  provenance: provenance, columns: columns)
    }
}
