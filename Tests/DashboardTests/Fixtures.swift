@testable import Dashboard
import Datasets
@testable import GAN
import NeuralNet
import Randomness
import TerminalUI

/// Builders of trainer events and states with known contents, shared by the suites.
enum Fixtures {
    static let imageShape = DataShape.image(width: 8, height: 8)

    /// A tiny generator: z(4) → 8 → 64 pixels, seeded.
    static func generator(outputs: Int = 64) -> NetworkWeights {
        var rng = SeededRNG(seed: 3)
        return NetworkWeights(of: MLP<Float>(sizes: [4, 8, outputs], activations: [.leakyReLU(slope: 0.2), .tanh], rng: &rng))
    }

    static func metrics(step: Int, d: Float = 1.2, g: Float = 0.9) -> StepMetrics {
        StepMetrics(step: step, epoch: Double(step) / 100, losses: .adversarial(StepResult(discriminatorLoss: d, generatorLoss: g,
                    meanRealScore: 0.7, meanFakeScore: 0.3)), stepsPerSecond: 250, elapsed: Double(step) / 250,
                    discriminatorUpdates: step)
    }

    static func info(shape: DataShape = imageShape, steps: Int? = 3000, family: ModelFamily = .gan) -> TrainingInfo {
        var config = TrainingConfig()
        config.steps = steps
        return TrainingInfo(config: config, datasetName: "faces", datasetCount: 20_000, shape: shape,
                            family: family,
                            modelSummary: ModelArchitecture(for: shape, featureCount: shape.featureCount, latentDimension: 4).summary,
                            startStep: 0, fixedNoise: [])
    }

    /// A diagonal gradient per image, brighter for later images.
    static func samples(count: Int = 16, step: Int = 100) -> SampleImages {
        var values: [Float] = []
        for image in 0..<count {
            for pixel in 0..<64 {
                let level = (pixel % 8 + pixel / 8 + image) % 16
                values.append(Float(level) / 8 - 1)
            }
        }
        return SampleImages(step: step, shape: imageShape, count: count, values: values)
    }

    /// D's verdict over the square −2…2 from a small seeded network.
    static func surface(columns: Int = 8, rows: Int = 8) -> DecisionSurface {
        var rng = SeededRNG(seed: 2)
        let discriminator = MLP<Float>(sizes: [2, 8, 1], activations: [.tanh, .identity], rng: &rng)
        return DecisionSurface(step: 5, discriminator: discriminator, xRange: -2...2, yRange: -2...2,
                               columns: columns, rows: rows)
    }

    static func verdicts() -> Verdicts {
        Verdicts(step: 100, real: (0..<64).map { 0.5 + Float($0 % 8) / 16 }, fake: (0..<64).map { Float($0 % 8) / 16 })
    }

    /// A training state after `steps` steps with samples, verdicts and a rendered explorer.
    static func trainingState(steps: Int = 120, display: DisplayCapabilities = .full) -> AppState {
        var state = AppState(mode: .training, shape: imageShape, seed: 1, display: display)
        _ = update(&state, .trainer(.started(info())))
        for step in 1...steps {
            _ = update(&state, .trainer(.step(metrics(step: step, d: 1.4 - Float(step % 10) / 20,
                                                      g: 0.7 + Float(step % 7) / 10))))
        }
        _ = update(&state, .trainer(.samples(samples())))
        _ = update(&state, .trainer(.verdicts(verdicts())))
        render(&state, update(&state, .trainer(.generator(GeneratorSnapshot(step: steps, weights: generator(),
                                                                           shape: imageShape)))))
        return state
    }

    /// Carries out explorer requests the way the runtime does, with a real engine holding
    /// `weights` (by default ``generator(outputs:)``).
    static func render(_ state: inout AppState, _ effects: [Effect], weights: NetworkWeights = generator()) {
        let engine = ExplorerEngine()
        engine.load(weights)
        for effect in effects {
            switch effect {
            case .renderExplorer(let request):
                if let images = engine.render(request) { _ = update(&state, .explorerRendered(images)) }
            case .renderLatentGrid(let request):
                if let images = engine.render(request) { _ = update(&state, .latentGridRendered(images)) }
            default: break
            }
        }
    }
}
