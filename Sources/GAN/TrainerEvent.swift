import Datasets
import NeuralNet
import Observer

/// Everything the trainer tells its observers (dashboard, headless printer, JSON logger).
///
/// The pictures (`samples`, `generator`, `verdicts`, `decisionSurface`) cost work to make, so
/// the trainer makes each only while some subscriber takes its kind (`Subject.subscribe(to:_:)`).
public enum TrainerEvent: KindedEvent {
    case started(TrainingInfo)
    case step(StepMetrics)
    /// D's outputs on the latest real and fake minibatches.
    case verdicts(Verdicts)
    /// G's output on the fixed noise.
    case samples(SampleImages)
    /// A copy of G's weights for the latent explorer.
    case generator(GeneratorSnapshot)
    /// 2-D data sets: D's output over the plane.
    case decisionSurface(DecisionSurface)
    /// Learning metrics, every `--eval-every` steps.
    case evaluation(EvaluationReport)
    case state(TrainerState)
    case checkpointSaved(path: String, step: Int)
    /// Something went wrong but training goes on (e.g. a snapshot could not be written).
    case warning(String)
    /// Something worth telling the user that is not a problem (e.g. metrics are ready).
    case notice(String)
    /// A command (``Trainer/send(_:)``) was applied: an update by hand or a new setting.
    case control(ControlRecord)
    /// Autoencoders: fixed real samples above their reconstructions.
    case reconstructions(Reconstructions)
    /// Autoencoders with a 2-D latent space on labelled data: the encoder's means, by class.
    case encodedPoints(EncodedPoints)

    public enum Kind: Hashable, Sendable, CaseIterable {
        case started, step, verdicts, samples, generator, decisionSurface, evaluation, state, checkpointSaved,
             warning, notice, control, reconstructions, encodedPoints

        /// The kinds that are pictures, made from the networks at the publishing interval.
        public static let pictures: Set<Kind> = [.verdicts, .samples, .generator, .decisionSurface, .reconstructions,
                                                 .encodedPoints]
        /// Every kind but the pictures: what a text-only observer (headless output, a log) takes.
        public static let text = Set(allCases).subtracting(pictures)
    }

    public var kind: Kind {
        switch self {
        case .started: .started
        case .step: .step
        case .verdicts: .verdicts
        case .samples: .samples
        case .generator: .generator
        case .decisionSurface: .decisionSurface
        case .evaluation: .evaluation
        case .state: .state
        case .checkpointSaved: .checkpointSaved
        case .warning: .warning
        case .notice: .notice
        case .control: .control
        case .reconstructions: .reconstructions
        case .encodedPoints: .encodedPoints
        }
    }
}

public enum TrainerState: Sendable, Equatable {
    case running
    case paused
    /// A loss became NaN or infinite; training stopped.
    case diverged(String)
    /// The requested number of steps is done.
    case finished
    /// Stopped on request before the end.
    case stopped

    public var label: String {
        switch self {
        case .running: "RUNNING"
        case .paused: "PAUSED"
        case .diverged: "DIVERGED"
        case .finished: "FINISHED"
        case .stopped: "STOPPED"
        }
    }

    /// Whether the trainer has ended for good.
    public var isFinal: Bool {
        switch self {
        case .running, .paused: false
        case .diverged, .finished, .stopped: true
        }
    }
}

/// What a run is: sent once at the start.
public struct TrainingInfo: Sendable {
    public var config: TrainingConfig
    public var datasetName: String
    public var datasetCount: Int
    public var shape: DataShape
    /// Which model trains: the panels and logs follow it.
    public var family: ModelFamily
    /// The networks in one line, e.g. "mlp G 64-256-512-1024 / D 1024-512-256-1".
    public var modelSummary: String
    /// The step training starts from (non-zero when resumed).
    public var startStep: Int
    /// The noise behind the sample grid, (sampleCount, z) row-major.
    public var fixedNoise: [Float]
}

public struct StepMetrics: Sendable, Equatable {
    public var step: Int
    public var epoch: Double
    /// The step's losses in its model's terms.
    public var losses: StepLosses
    /// Recent throughput, generator updates per second.
    public var stepsPerSecond: Double
    /// Wall seconds spent training (pauses excluded).
    public var elapsed: Double
    /// Discriminator updates so far (`step` counts the generator's).
    public var discriminatorUpdates = 0
    /// The update made by hand that this step reports; nil for the training loop's iterations.
    public var manual: ManualUpdate? = nil

    public init(step: Int, epoch: Double, losses: StepLosses, stepsPerSecond: Double, elapsed: Double,
                discriminatorUpdates: Int = 0, manual: ManualUpdate? = nil) {
        self.step = step
        self.epoch = epoch
        self.losses = losses
        self.stepsPerSecond = stepsPerSecond
        self.elapsed = elapsed
        self.discriminatorUpdates = discriminatorUpdates
        self.manual = manual
    }

    /// The GAN's figures; nil for another model.
    public var result: StepResult? { losses.adversarial }
}

/// The kinds of model ganscope trains, by their `--model` family.
public enum ModelFamily: String, Sendable, Equatable, CaseIterable {
    case gan
    /// The autoencoder: reconstruction only.
    case autoencoder = "ae"
    /// The variational autoencoder: reconstruction + β·KL.
    case variationalAutoencoder = "vae"
}

public struct Verdicts: Sendable {
    public var step: Int
    public var real: [Float]
    public var fake: [Float]

    public init(step: Int, real: [Float], fake: [Float]) {
        self.step = step
        self.real = real
        self.fake = fake
    }
}

public struct SampleImages: Sendable {
    public var step: Int
    public var shape: DataShape
    public var count: Int
    /// (count, features), row-major; images in [−1, 1].
    public var values: [Float]

    public init(step: Int, shape: DataShape, count: Int, values: [Float]) {
        self.step = step
        self.shape = shape
        self.count = count
        self.values = values
    }
}

public struct GeneratorSnapshot: Sendable {
    public var step: Int
    public var weights: NetworkWeights
    public var shape: DataShape
}
