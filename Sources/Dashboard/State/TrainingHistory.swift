import GAN

/// The per-step figures the charts draw, each kept as a ``CompressedSeries`` appended in lockstep
/// so that all of them compress at the same moment and share one step axis.
public struct TrainingHistory: Sendable, Equatable {
    public private(set) var discriminatorLoss: CompressedSeries
    public private(set) var generatorLoss: CompressedSeries
    public private(set) var discriminatorLossSmoothed: CompressedSeries
    public private(set) var generatorLossSmoothed: CompressedSeries
    /// Mean D(x) on the real minibatch.
    public private(set) var realScore: CompressedSeries
    /// Mean D(G(z)) on the fake minibatch.
    public private(set) var fakeScore: CompressedSeries
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
        discriminatorEMA = DebiasedEMA(decay: smoothing)
        generatorEMA = discriminatorEMA
    }

    public var isEmpty: Bool { firstStep == nil }

    /// Records a GAN step; other models' steps have none of these figures and are skipped.
    public mutating func append(_ metrics: StepMetrics) {
        guard let result = metrics.result else { return }
        if firstStep == nil { firstStep = metrics.step }
        lastStep = metrics.step
        discriminatorLoss.append(result.discriminatorLoss)
        generatorLoss.append(result.generatorLoss)
        discriminatorLossSmoothed.append(discriminatorEMA.add(result.discriminatorLoss))
        generatorLossSmoothed.append(generatorEMA.add(result.generatorLoss))
        realScore.append(result.meanRealScore)
        fakeScore.append(result.meanFakeScore)
    }
}
