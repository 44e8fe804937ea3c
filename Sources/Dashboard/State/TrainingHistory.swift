import GAN

/// The per-step figures the charts draw, each kept as a ``CompressedSeries`` appended in lockstep
/// so that all of them compress at the same moment and share one step axis. A GAN run fills the
/// players' series, an autoencoder run the reconstruction, KL and ELBO; the others stay empty.
public struct TrainingHistory: Sendable, Equatable {
    public private(set) var discriminatorLoss: CompressedSeries
    public private(set) var generatorLoss: CompressedSeries
    public private(set) var discriminatorLossSmoothed: CompressedSeries
    public private(set) var generatorLossSmoothed: CompressedSeries
    /// Mean D(x) on the real minibatch.
    public private(set) var realScore: CompressedSeries
    /// Mean D(G(z)) on the fake minibatch.
    public private(set) var fakeScore: CompressedSeries
    /// An autoencoder's or VAE's terms (KL and ELBO stay empty for the autoencoder).
    public private(set) var reconstruction: SmoothedSeries
    public private(set) var kl: SmoothedSeries
    public private(set) var elbo: SmoothedSeries
    /// The step of the first and the latest recorded value.
    public private(set) var firstStep: Int?
    public private(set) var lastStep: Int?
    private var discriminatorEMA: DebiasedEMA
    private var generatorEMA: DebiasedEMA

    public init(capacity: Int = 2048, smoothing: Float = 0.98) {
        discriminatorLoss = CompressedSeries(capacity: capacity)
        generatorLoss = discriminatorLoss
        discriminatorLossSmoothed = discriminatorLoss
        generatorLossSmoothed = discriminatorLoss
        realScore = discriminatorLoss
        fakeScore = discriminatorLoss
        reconstruction = SmoothedSeries(capacity: capacity, smoothing: smoothing)
        kl = reconstruction
        elbo = reconstruction
        discriminatorEMA = DebiasedEMA(decay: smoothing)
        generatorEMA = discriminatorEMA
    }

    public var isEmpty: Bool { firstStep == nil }

    /// Steps per chart point: a run fills one family of series, and the other's stays at 1.
    public var bucketSize: Int { max(discriminatorLoss.bucketSize, reconstruction.raw.bucketSize) }

    /// Records a step in its model's terms.
    public mutating func append(_ metrics: StepMetrics) {
        noteStep(metrics.step)
        switch metrics.losses {
        case .adversarial(let result): append(result)
        case .autoencoder(let losses): append(losses)
        }
    }

    /// An autoencoder's step. A VAE's steps all carry KL and ELBO, so those series keep in step
    /// with the reconstruction's.
    private mutating func append(_ losses: AutoencoderLosses) {
        reconstruction.append(losses.reconstruction)
        if let value = losses.kl { kl.append(value) }
        if let value = losses.elbo { elbo.append(value) }
    }

    private mutating func noteStep(_ step: Int) {
        if firstStep == nil { firstStep = step }
        lastStep = step
    }

    private mutating func append(_ result: StepResult) {
        discriminatorLoss.append(result.discriminatorLoss)
        generatorLoss.append(result.generatorLoss)
        discriminatorLossSmoothed.append(discriminatorEMA.add(result.discriminatorLoss))
        generatorLossSmoothed.append(generatorEMA.add(result.generatorLoss))
        realScore.append(result.meanRealScore)
        fakeScore.append(result.meanFakeScore)
    }
}
