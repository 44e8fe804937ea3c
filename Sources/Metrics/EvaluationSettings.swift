import Datasets

/// Sample sizes and budgets of one evaluation, chosen so that at the default interval the
/// metrics cost under 5 % of training time (see the module README for the measurements).
public struct EvaluationSettings: Sendable, Equatable {
    /// Fresh generated samples per evaluation: 2,500 points (the mode-collapse protocol) or 2,000
    /// images. The first `aucCount` also serve D's AUC; the probe trains on the first
    /// `probeTrainCount` and is tested on the next `probeTestCount`.
    public var generatedCount: Int
    /// Real samples behind the fixed references: the real density grid (held-out points) or the
    /// real feature statistics (training images).
    public var referenceCount: Int
    public var aucCount = 1_000
    public var probeTrainCount: Int
    public var probeTestCount = 500
    public var probe = DetectionProbe(steps: 200)
    /// A point is high quality within this many σ of its nearest mode.
    public var highQualityThreshold: Float = 3
    /// Cells per side of the density grid for KL and JS.
    public var densityBins = 50
    /// A class is covered with at least this share of the uniform share (see `ClassDistribution`).
    public var classCoverageShare = 0.5
    public var classifier = ClassifierTraining()

    /// The defaults for data of `shape`.
    public static func defaults(for shape: DataShape) -> EvaluationSettings {
        switch shape {
        case .points: EvaluationSettings(generatedCount: 2_500, referenceCount: 10_000, probeTrainCount: 2_000)
        case .image: EvaluationSettings(generatedCount: 2_000, referenceCount: 10_000, probeTrainCount: 1_500)
        }
    }

    /// Steps between evaluations unless the user says otherwise: 2-D sets train ~2,000 steps/s
    /// and image sets a few hundred, so both intervals are a fraction of a second to a few seconds.
    public static func defaultInterval(for shape: DataShape) -> Int {
        switch shape {
        case .points: 500
        case .image: 1_000
        }
    }

    public init(generatedCount: Int, referenceCount: Int, probeTrainCount: Int) {
        self.generatedCount = generatedCount
        self.referenceCount = referenceCount
        self.probeTrainCount = probeTrainCount
    }

    /// Held-out real samples one evaluation of `shape` data needs: the real FCD floor, D's AUC and
    /// the probe's test take the first rows; only points draw their reference (the density grid)
    /// from held-out data, while images take theirs from the training data.
    public func heldOutCount(for shape: DataShape) -> Int {
        let shared = max(generatedCount, aucCount, probeTestCount)
        return shape == .points ? max(shared, referenceCount) : shared
    }
}
