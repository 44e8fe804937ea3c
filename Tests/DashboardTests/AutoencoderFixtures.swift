@testable import Dashboard
import Datasets
@testable import GAN
import NeuralNet
import Randomness
import TerminalUI

/// AE and VAE states and events with known contents.
extension Fixtures {
    /// `count` images of `width`×`height` gray pixels, image i filled with `levels[i]`.
    static func flatImages(_ levels: [Float], width: Int = 4, height: Int = 4, step: Int = 100) -> SampleImages {
        SampleImages(step: step, shape: .image(width: width, height: height, channels: 1), count: levels.count,
                     values: levels.flatMap { [Float](repeating: $0, count: width * height) })
    }

    /// An autoencoder's step with the given terms.
    static func autoencoderStep(_ step: Int, reconstruction: Float, kl: Float?) -> Message {
        .trainer(.step(StepMetrics(step: step, epoch: Double(step) / 100,
                                   losses: .autoencoder(AutoencoderLosses(reconstruction: reconstruction, kl: kl)),
                                   stepsPerSecond: 250, elapsed: Double(step) / 250)))
    }

    /// A tiny decoder of a 2-D latent space: z(2) → 8 → 64 pixels, seeded.
    static func decoder2D() -> NetworkWeights {
        var rng = SeededRNG(seed: 4)
        return NetworkWeights(of: MLP<Float>(sizes: [2, 8, 64], activations: [.leakyReLU(slope: 0.2), .tanh], rng: &rng))
    }

    /// Encoded points of three classes, ten each, in rows.
    static func encodedPoints(step: Int = 100) -> EncodedPoints {
        let points = (0..<30).map { (index: Int) -> SIMD2<Float> in
            SIMD2(Float(index % 10) / 2 - 2.5, Float(index / 10) - 1)
        }
        return EncodedPoints(step: step, points: points, labels: (0..<30).map { $0 / 10 })
    }

    /// A VAE (or AE) run after `steps` steps with prior samples, reconstructions, and the explorer
    /// on `decoder` (by default one of a 2-D latent space).
    static func autoencoderState(model: ModelFamily = .variationalAutoencoder, steps: Int = 120,
                                 decoder: NetworkWeights = decoder2D(), withPoints: Bool = true,
                                 display: DisplayCapabilities = .full) -> AppState {
        var state = AppState(mode: .training, shape: imageShape, seed: 1, display: display)
        _ = update(&state, .trainer(.started(info(family: model))))
        for step in 1...steps {
            _ = update(&state, autoencoderStep(step, reconstruction: 120 - Float(step % 9),
                                               kl: model == .variationalAutoencoder ? 10 + Float(step % 5) : nil))
        }
        _ = update(&state, .trainer(.samples(samples())))
        _ = update(&state, .trainer(.reconstructions(Reconstructions(inputs: samples(count: 8),
                                                                         outputs: samples(count: 8)))))
        if withPoints { _ = update(&state, .trainer(.encodedPoints(encodedPoints()))) }
        render(&state, update(&state, .trainer(.generator(GeneratorSnapshot(step: steps, weights: decoder,
                                                                           shape: imageShape)))), weights: decoder)
        return state
    }

    /// `key` pressed, its effects carried out with `weights` as the explorer's network.
    static func press(_ key: KeyPress, _ state: inout AppState, weights: NetworkWeights = decoder2D()) {
        render(&state, update(&state, .key(key)), weights: weights)
    }
}
