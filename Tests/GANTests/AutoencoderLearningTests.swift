import Datasets
import Foundation
@testable import GAN
import NeuralNet
import TestSupport
import Testing

/// The autoencoders learn, and their pictures come out in data space.
@Suite struct AutoencoderLearningTests {
    /// A VAE on synthetic digits: after 120 updates the reconstruction term is well below where it
    /// started (350 → about 150 nats), and the KL term has risen from ~0 (the encoder uses its latent code). Seeded, but
    /// compared with margins, since BLAS's thread count may change the last bits.
    @Test func vaeLearnsDigits() throws {
        let vae = try AutoencoderFixtures.autoencoder(.vae)
        let results = (0..<120).map { _ in vae.step() }
        let early = results.prefix(10).map(\.reconstruction).reduce(0, +) / 10
        let late = results.suffix(10).map(\.reconstruction).reduce(0, +) / 10
        #expect(late < 0.6 * early, "reconstruction \(early) → \(late)")
        #expect(results.suffix(10).allSatisfy { $0.kl > 1 && $0.isFinite })
        #expect(vae.stepCount == 120 && vae.realSamplesSeen == 120 * 32)
        #expect(vae.lastResult == results.last)
    }

    /// The plain autoencoder on 2-D points with MSE, which points need.
    @Test func autoencoderLearnsPoints() throws {
        let ae = try AutoencoderFixtures.autoencoder(.ae, on: "ring", reconstruction: .mse)
        let results = (0..<200).map { _ in ae.step() }
        let early: Float = results.prefix(10).map(\.reconstruction).reduce(0, +)
        let late: Float = results.suffix(10).map(\.reconstruction).reduce(0, +)
        #expect(late < 0.5 * early, "reconstruction \(early / 10) → \(late / 10)")
        #expect(results.allSatisfy { $0.kl == 0 && $0.klWeight == 0 })
    }

    /// Prior samples, reconstructions, latent means and decoded vectors have their shapes, and
    /// BCE's logits come back as pixels in [−1, 1].
    @Test func picturesAreInDataSpace() throws {
        let vae = try AutoencoderFixtures.autoencoder(.vae)
        for _ in 0..<5 { vae.step() }
        let model = vae.model, features = vae.dataset.featureCount
        let samples = model.priorSamples()
        #expect(samples.count == 6 * features)
        #expect(samples.allSatisfy { (-1...1).contains($0) })
        let rows = Buffer<Float>(count: 3 * features)
        vae.dataset.copyBatch(indices: [0, 1, 2], into: rows.pointer)
        let means = model.latentMeans(of: rows.array)
        #expect(means.count == 3 * 8)
        #expect(model.reconstructions(of: rows.array) == model.decode(means))
        #expect(model.decode(Array(repeating: 0, count: 2 * 8)).count == 2 * features)
        #expect(model.encoder.isTraining && model.decoder.isTraining)
    }

    /// β ramps linearly over the warm-up; the AE has no KL weight.
    @Test func klWarmUp() {
        let options = AutoencoderOptions(kind: .vae, beta: 2, klWarmupSteps: 4)
        #expect((0...5).map { options.klWeight(afterSteps: $0) } == [0, 0.5, 1, 1.5, 2, 2])
        #expect(AutoencoderOptions(kind: .vae, beta: 2).klWeight(afterSteps: 0) == 2)
        #expect(AutoencoderOptions(kind: .ae, beta: 2).klWeight(afterSteps: 9) == 0)
    }

    /// The encoder is D with the code as its output, the decoder G with the output the loss
    /// needs, for the MLP and the DCGAN; BCE is refused for points.
    @Test func architecturesMirrorTheGAN() throws {
        let shape = DataShape.image(width: 28, height: 28, channels: 1)
        let gan = try ModelArchitecture.make(.mlp, for: shape, latentDimension: 16, batchNorm: false, convolutionWidth: nil)
        let vae = try AutoencoderArchitecture.make(.vae, network: .mlp, for: shape, latentDimension: 16, batchNorm: false,
                                                   convolutionWidth: nil,
                                                   reconstruction: .bce)
        #expect(LayerSpec.mlpForm(of: vae.encoder)?.sizes == [784, 512, 256, 32])
        #expect(LayerSpec.mlpForm(of: vae.decoder)?.activations == [ModelArchitecture.leaky, ModelArchitecture.leaky, .identity])
        let ae = AutoencoderArchitecture(mirroring: gan, kind: .ae, reconstruction: .mse)
        #expect(ae.decoder == gan.generator)
        #expect(LayerSpec.mlpForm(of: ae.encoder)?.sizes == [784, 512, 256, 16])
        let dcgan = try AutoencoderArchitecture.make(.vae, network: .dcgan, for: shape, latentDimension: 16,
                                                     batchNorm: true, convolutionWidth: nil, reconstruction: .bce)
        let layouts = try dcgan.layouts(features: 784, kind: .vae)
        #expect(layouts.encoder.output == .flat(32))
        #expect(!dcgan.decoder.contains(.activation(.tanh)) && dcgan.decoder.last == .flatten)
        #expect(AutoencoderOptions(kind: .vae).problem(isImage: false) != nil)
        #expect(throws: ArchitectureProblem.self) {
            try AutoencoderFixtures.autoencoder(.vae, on: "ring", reconstruction: .bce)
        }
    }

    /// The convolutional VAE trains too (a few updates: shapes and gradients fit).
    @Test func convolutionalVAESteps() throws {
        let vae = try AutoencoderFixtures.autoencoder(.vae, batch: 8) { config, _ in config.model = .dcgan }
        let results = (0..<3).map { _ in vae.step() }
        #expect(results.allSatisfy { $0.isFinite })
        #expect(vae.model.priorSamples().count == 6 * 784)
    }
}
