import ArgumentParser
import GAN

/// The options that define a training run, shared by the dashboard and headless mode.
struct TrainingOptions: ParsableArguments {
    @Option(help: "Data set: faces, digits, ring, grid, spiral, or idx:PATH (MNIST-style IDX file or folder).")
    var dataset = "faces"

    @Option(help: "Generator updates to run (default: until stopped in the dashboard, 3000 headless).")
    var steps: Int?

    @Option(help: "M: real and generated samples per minibatch.")
    var batch = 64

    @Option(help: "K: discriminator updates per generator update.")
    var k = 1

    @Option(help: "Generator loss: non-saturating (maximise log D(G(z))) or minimax (minimise log(1 - D(G(z)))).")
    var loss: GANLoss = .nonSaturating

    @Option(help: "Optimiser for both networks: adam or sgd.")
    var optimizer: OptimizerKind = .adam

    @Option(name: .customLong("lr-g"), help: "Generator learning rate.")
    var learningRateG: Float = 2e-4

    @Option(name: .customLong("lr-d"), help: "Discriminator learning rate.")
    var learningRateD: Float = 2e-4

    @Option(name: .customLong("z-dim"), help: "Length of the noise vector z (default 64 for images, 8 for 2-D points).")
    var latentDimension: Int?

    @Option(help: "Random seed: the same seed gives the same run (bit-identical with --threads 1).")
    var seed: UInt64 = 0

    @Option(help: "Threads for matrix products and the optimiser.")
    var threads = 2

    @Option(help: "Steps between learning metrics (mode coverage, FCD, D's AUC, probe); 0 turns them off (default: 500 for 2-D sets, 1000 for images).")
    var evalEvery: Int?

    func validate() throws {
        guard batch > 0 else { throw ValidationError("--batch must be positive") }
        guard k > 0 else { throw ValidationError("--k must be positive") }
        guard threads > 0 else { throw ValidationError("--threads must be positive") }
        if let steps, steps <= 0 { throw ValidationError("--steps must be positive") }
        if let latentDimension, latentDimension <= 0 { throw ValidationError("--z-dim must be positive") }
        if let evalEvery, evalEvery < 0 { throw ValidationError("--eval-every must be 0 (off) or positive") }
        guard learningRateG > 0, learningRateD > 0 else { throw ValidationError("learning rates must be positive") }
    }

    func config(defaultSteps: Int?) -> TrainingConfig {
        var config = TrainingConfig()
        config.dataset = dataset
        config.steps = steps ?? defaultSteps
        config.batchSize = batch
        config.discriminatorSteps = k
        config.loss = loss
        config.optimizer = optimizer
        config.learningRateG = learningRateG
        config.learningRateD = learningRateD
        config.latentDimension = latentDimension
        config.seed = seed
        config.threads = threads
        return config
    }
}

extension GANLoss: ExpressibleByArgument {}
extension OptimizerKind: ExpressibleByArgument {}
