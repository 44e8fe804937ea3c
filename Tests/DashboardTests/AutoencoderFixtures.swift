@testable import Dashboard
import Datasets
@testable import GAN
import TerminalUI

/// AE and VAE states and events with known contents.
extension Fixtures {
    /// `count` images of `width`×`height` gray pixels, image i filled with `level(i)`.
    static func flatImages(_ levels: [Float], width: Int = 4, height: Int = 4, step: Int = 100) -> SampleImages {
        SampleImages(step: step, shape: .image(width: width, height: height, channels: 1), count: levels.count,
                     values: levels.flatMap { [Float](repeating: $0, count: width * height) })
    }

    static func losses(step: Int, model: ModelFamily = .vae) -> AutoencoderLosses {
        let reconstruction = 120 - Float(step % 9)
        let kl: Float? = model == .vae ? 10 + Float(step % 5) : nil
        return AutoencoderLosses(step: step, reconstruction: reconstruction, kl: kl,
                                 elbo: kl.map { -(reconstruction + $0) })
    }

    /// A 13×13 decoded grid of 8×8 images (image i a diagonal gradient shifted by i) over
    /// [−3, 3]², and encoded points of three classes on a diagonal.
    static func latentMap(step: Int = 100) -> LatentMap {
        let decoded = samples(count: 169, step: step)
        let points = (0..<30).map { (index: Int) -> SIMD2<Float> in
            SIMD2(Float(index % 10) / 2 - 2.5, Float(index / 10) - 1)
        }
        return LatentMap(step: step, decoded: decoded, side: 13, points: points, labels: (0..<30).map { $0 / 10 })
    }

    /// A VAE (or AE) run after `steps` steps with prior samples, reconstructions and a latent map.
    static func autoencoderState(model: ModelFamily = .vae, steps: Int = 120,
                                 display: DisplayCapabilities = .full) -> AppState {
        var state = AppState(mode: .training, model: model, shape: imageShape, seed: 1, display: display)
        _ = update(&state, .trainer(.started(info())))
        for step in 1...steps {
            _ = update(&state, .trainer(.step(metrics(step: step))))
            _ = update(&state, .autoencoder(.losses(losses(step: step, model: model))))
        }
        _ = update(&state, .trainer(.samples(samples())))
        _ = update(&state, .autoencoder(.reconstructions(Reconstructions(inputs: samples(count: 8),
                                                                         outputs: samples(count: 8)))))
        _ = update(&state, .autoencoder(.latentMap(latentMap())))
        render(&state, update(&state, .trainer(.generator(GeneratorSnapshot(step: steps, weights: generator(),
                                                                           shape: imageShape)))))
        return state
    }
}
