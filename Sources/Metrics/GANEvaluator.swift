import Datasets
import Foundation
import GAN
import NeuralNet
import Randomness

/// Measures what a GAN has learnt and how detectable its fakes are; plugs into the trainer as
/// its `Evaluator`.
///
/// Everything fixed is computed once here (held-out reals, the real density or feature
/// statistics, the real class distribution); an evaluation then generates fresh samples from a
/// clone of G, with its own random stream, and never touches the trainer's networks' buffers or
/// random numbers, so training is bit-for-bit the same with or without metrics.
///
///     let evaluator = try GANEvaluator.make(for: gan, cache: ClassifierCache(folder: "checkpoints"),
///                                          note: { print($0) })
///     let trainer = Trainer(step: gan, evaluator: { evaluator.evaluate($0) }, evaluateEvery: 500)
///
/// Not `Sendable`: its classifier network keeps working buffers, so an evaluator belongs to one
/// thread at a time (the trainer's queue while training; see `Handoff` for moving it there).
public final class GANEvaluator {
    public let settings: EvaluationSettings
    public let seed: UInt64
    public let shape: DataShape
    /// The classifier behind FCD and the class metrics (labelled image sets only).
    public let classifier: ImageClassifier?
    /// FCD of real held-out images against the real reference: the floor a perfect generator
    /// reaches with the same sample size.
    public let realBaselineFrechetDistance: Double?

    private let heldOut: Dataset
    /// The probe's real training rows, kept in the data set's compact form between evaluations.
    private let probeReals: Dataset
    private let mixture: GaussianMixture?
    private let realDensity: PointHistogram?
    private let realFeatures: FeatureStatistics?
    private let realClasses: ClassDistribution?
    /// Images: the spectral detector's real spectra (the probe's real rows).
    private let spectral: SpectralEvaluation?

    /// - Parameters:
    ///   - training: the training data (probe reals, the feature reference, the class distribution).
    ///   - heldOut: held-out reals (D's AUC, the probe's test, the real density grid).
    public init(training: Dataset, heldOut: Dataset, seed: UInt64, settings: EvaluationSettings,
                classifier: ImageClassifier?) {
        self.settings = settings
        self.seed = seed
        // Evaluations read only the first rows (D's AUC, the probe's test); the rest serve the
        // references below and need not stay in memory.
        self.heldOut = heldOut.subset(0..<min(max(settings.aucCount, settings.probeTestCount), heldOut.count))
        shape = training.shape
        var rng = SeededRNG(seed: seed, stream: RNGStreams.referenceSubsets)
        probeReals = training.subset(Self.draw(settings.probeTrainCount, from: training, rng: &rng))
        mixture = training.mixture
        if training.mixture != nil, let bounds = training.pointBounds {
            realDensity = PointHistogram(points: Self.prefix(of: heldOut, settings.referenceCount),
                                         xRange: bounds.x, yRange: bounds.y, bins: settings.densityBins)
        } else {
            realDensity = nil
        }
        let labelled = classifier.flatMap { c in training.labels.map { (c, $0) } }
        if let (classifier, labels) = labelled {
            self.classifier = classifier
            realFeatures = FeatureStatistics(rows: Self.features(of: training, count: settings.referenceCount,
                                                                 classifier: classifier, rng: &rng),
                                             dimension: classifier.featureDimension)
            realClasses = ClassDistribution(labels: labels, classCount: classifier.classCount)
        } else {
            self.classifier = nil
            realFeatures = nil
            realClasses = nil
        }
        let spectralReals = probeReals.samples
        spectral = SpectralFeatures(shape: training.shape).map {
            SpectralEvaluation(features: $0, realTrain: spectralReals[...],
                               realTest: Self.prefix(of: heldOut, settings.probeTestCount)[...])
        }
        realBaselineFrechetDistance = Self.frechetDistance(of: Self.prefix(of: heldOut, settings.generatedCount),
                                                           classifier: self.classifier, reference: realFeatures)
    }

    /// Evaluates `gan` as it is now, on clones of its networks in evaluation mode (BatchNorm by
    /// its running statistics, as the samples shown and saved are drawn).
    public func evaluate(_ gan: GANStep) -> EvaluationReport {
        let generator = gan.model.generator.clone(), discriminator = gan.model.discriminator.clone()
        generator.isTraining = false
        discriminator.isTraining = false
        return evaluate(generator: generator, discriminator: discriminator, step: gan.stepCount)
    }

    /// Evaluates fresh samples of `generator`, and `discriminator`'s view of them, at `step`.
    /// `toDataSpace` maps the generator's outputs in place where they are not samples yet (an
    /// autoencoder's decoder giving logits).
    public func evaluate(generator: MLP<Float>, discriminator: MLP<Float>?, step: Int,
                         toDataSpace: ((UnsafeMutablePointer<Float>, Int) -> Void)? = nil) -> EvaluationReport {
        let start = ContinuousClock.now
        var rng = SeededRNG(seed: seed, stream: RNGStreams.evaluationBase &+ UInt64(step))
        var fakes = generator.generate(count: settings.generatedCount, rng: &rng)
        if let toDataSpace {
            fakes.withUnsafeMutableBufferPointer { if let base = $0.baseAddress { toDataSpace(base, $0.count) } }
        }
        var report = measure(samples: fakes, discriminator: discriminator, step: step, rng: &rng)
        report.seconds = Self.seconds(since: start)
        return report
    }

    /// Every applicable metric of `samples` (at least `generatedCount` rows) as the generator's output.
    public func measure(samples: [Float], discriminator: MLP<Float>?, step: Int,
                        rng: inout SeededRNG) -> EvaluationReport {
        var report = EvaluationReport(step: step)
        if let mixture, let realDensity {
            let coverage = ModeCoverage(points: samples, mixture: mixture, threshold: settings.highQualityThreshold)
            report.modesCaptured = coverage.modesCaptured
            report.modeCount = coverage.modeCount
            report.highQualityFraction = coverage.highQualityFraction
            let density = PointHistogram(points: samples, xRange: realDensity.xRange, yRange: realDensity.yRange,
                                         bins: realDensity.bins)
            let divergence = DensityDivergence(real: realDensity, generated: density)
            report.klDivergence = divergence.kl
            report.jsDivergence = divergence.js
        }
        if let classifier, let realClasses, let realFeatures {
            let embedded = classifier.embed(samples)
            report.frechetDistance = Self.frechetDistance(features: embedded.features, classifier: classifier,
                                                          reference: realFeatures)
            let classes = ClassDistribution(labels: embedded.predictions, classCount: classifier.classCount)
            report.classHistogram = classes.fractions
            report.classCount = classes.classCount
            report.classesCovered = classes.covered(shareOfUniform: settings.classCoverageShare)
            report.classKL = classes.kl(from: realClasses)
        }
        let features = heldOut.featureCount
        if let discriminator {
            let reals = Self.prefix(of: heldOut, settings.aucCount)[...]
            let fakes = samples.prefix(settings.aucCount * features)
            report.discriminatorAUC = RankAUC.area(positives: discriminator.outputs(for: reals),
                                                   negatives: discriminator.outputs(for: fakes))
        }
        let probeFakes = samples.prefix((settings.probeTrainCount + settings.probeTestCount) * features)
        report.probeAccuracy = settings.probe.accuracy(
            trainReal: probeReals.samples[...], trainFake: probeFakes.prefix(settings.probeTrainCount * features),
            testReal: Self.prefix(of: heldOut, settings.probeTestCount)[...],
            testFake: probeFakes.dropFirst(settings.probeTrainCount * features), features: features, rng: &rng)
        var spectralRNG = SeededRNG(seed: seed, stream: RNGStreams.spectralBase &+ UInt64(step))
        spectral?.measure(fakes: probeFakes, trainCount: settings.probeTrainCount, into: &report, rng: &spectralRNG)
        return report
    }

    /// FCD of `images` against the real training features; nil without a classifier.
    public func frechetDistance(of images: [Float]) -> Double? {
        Self.frechetDistance(of: images, classifier: classifier, reference: realFeatures)
    }

    private static func frechetDistance(of images: [Float], classifier: ImageClassifier?,
                                        reference: FeatureStatistics?) -> Double? {
        guard let classifier, let reference else { return nil }
        return frechetDistance(features: classifier.embed(images).features, classifier: classifier, reference: reference)
    }

    /// nil if LAPACK fails, which a finite covariance matrix should never make it do.
    private static func frechetDistance(features: [Float], classifier: ImageClassifier,
                                        reference: FeatureStatistics) -> Double? {
        let statistics = FeatureStatistics(rows: features, dimension: classifier.featureDimension)
        return try? FrechetDistance.between(statistics, reference)
    }

    /// The first `count` rows of `dataset` (fewer if it is smaller).
    private static func prefix(of dataset: Dataset, _ count: Int) -> [Float] {
        dataset.rows(0..<min(count, dataset.count))
    }

    /// The classifier's features of `count` rows of `dataset` drawn without replacement.
    ///
    /// The rows become floats one pass of the network at a time: the whole reference as floats
    /// (10,000 images, 41 MB) would outweigh the byte-stored data set it comes from. Passes of the
    /// size `embed` uses anyway keep the features identical to embedding all rows at once.
    private static func features(of dataset: Dataset, count: Int, classifier: ImageClassifier,
                                 rng: inout SeededRNG) -> [Float] {
        let picks = draw(count, from: dataset, rng: &rng)
        var features = [Float]()
        features.reserveCapacity(picks.count * classifier.featureDimension)
        for start in stride(from: 0, to: picks.count, by: MLP<Float>.rowsPerPass) {
            let part = picks[start..<min(start + MLP<Float>.rowsPerPass, picks.count)]
            var rows = [Float](repeating: 0, count: part.count * dataset.featureCount)
            dataset.copyBatch(indices: part, into: &rows)
            features += classifier.embed(rows).features
        }
        return features
    }

    /// `count` row indices of `dataset` drawn without replacement (all of them if it is smaller).
    private static func draw(_ count: Int, from dataset: Dataset, rng: inout SeededRNG) -> [Int] {
        var order = Array(0..<dataset.count)
        let kept = min(count, dataset.count)
        for i in 0..<kept { order.swapAt(i, i + rng.index(below: dataset.count - i)) }
        return Array(order.prefix(kept))
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
