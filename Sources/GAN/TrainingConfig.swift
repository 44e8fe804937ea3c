import Datasets

/// Everything that defines a training run; stored whole in checkpoints.
public struct TrainingConfig: Sendable, Codable, Equatable {
    /// Data set spec as given on the command line: "faces", "digits", "ring", "idx:PATH", …
    public var dataset: String = "faces"
    /// Generator updates to run; nil trains until stopped.
    public var steps: Int? = nil
    /// M: real and generated samples per discriminator minibatch.
    public var batchSize: Int = 64
    /// K: discriminator updates per generator update.
    public var discriminatorSteps: Int = 1
    /// Generator updates per iteration; nil is one. Optional so that checkpoints written before
    /// it could change (the dashboard's control panel) decode, and encode, as they always did.
    public var generatorSteps: Int? = nil
    public var loss: GANLoss = .nonSaturating
    public var optimizer: OptimizerKind = .adam
    public var learningRateG: Float = 2e-4
    public var learningRateD: Float = 2e-4
    /// Steps over which both learning rates halve (smooth exponential decay); nil keeps them
    /// constant. Optional so that checkpoints written before it existed decode as constant.
    public var learningRateHalfLife: Int? = nil
    public var beta1: Float = 0.5
    public var beta2: Float = 0.999
    /// Length of the noise vector z; nil picks the model's default for the data shape.
    public var latentDimension: Int? = nil
    public var seed: UInt64 = 0
    /// Threads for BLAS and the optimiser.
    public var threads: Int = 2
    /// Images (or points) generated from the fixed noise for the sample grid.
    public var sampleCount: Int = 64
    /// The networks' family; nil is the MLP. Optional, like `batchNorm`, so that checkpoints
    /// written before the DCGAN decode (and MLP runs encode) as they always did.
    public var model: ModelKind? = nil
    /// BatchNorm in the DCGAN's generator (`--batch-norm`); nil is none.
    public var batchNorm: Bool? = nil
    /// Channels of the DCGAN's convolutions next to the image (`--conv-width`); nil is
    /// ``ModelArchitecture/defaultConvolutionWidth``, as checkpoints written before it store it.
    public var convolutionWidth: Int? = nil

    public init() {}

    /// Generator updates per iteration, one unless changed.
    public var generatorUpdatesPerIteration: Int { generatorSteps ?? 1 }
}

/// Which update rule trains both networks.
public enum OptimizerKind: String, Sendable, Codable, CaseIterable {
    case adam
    case sgd
}

extension TrainingConfig {
    /// Defaults suited to the data set `spec` names; images keep the reference settings
    /// (docs/ARCHITECTURE.md, "The reference model").
    ///
    /// 2-D toy sets train small networks, where one thread beats two (the products are too small
    /// to split). Their recipe, measured on `ring` (8/8 modes, 90–94 % of samples within 3σ after
    /// 20 s on 2 cores): batch 128, rates 2e-3 halving every 3,000 steps. A fast start finds all
    /// modes; the decay then stops G and D circling the equilibrium, so the modes sharpen instead
    /// of widening and narrowing from one evaluation to the next; the larger batch shows D every
    /// mode in each minibatch, so a weak one is not lost when the rates freeze.
    ///
    /// Colour `faces` train MLPs at 1e-3: after the ~2,560 steps the MLP reaches in two minutes
    /// in the dashboard, FCD 126 and 167 (seeds 0, 1) against 288 at 2e-4, with eyes and mouths on
    /// most faces (docs/DECISIONS.md, "Faces in two minutes"). The DCGAN keeps PyTorch's 2e-4:
    /// nothing measured it at 1e-3.
    public static func defaults(for spec: String, network: ModelKind = .mlp) -> TrainingConfig {
        var config = TrainingConfig()
        config.dataset = spec
        if spec == DatasetSpec.faces.description && network == .mlp {
            config.learningRateG = 1e-3
            config.learningRateD = 1e-3
        }
        if ["ring", "grid", "spiral"].contains(spec) {
            config.batchSize = 128
            config.learningRateG = 2e-3
            config.learningRateD = 2e-3
            config.learningRateHalfLife = 3_000
            config.threads = 1
        }
        return config
    }
}
