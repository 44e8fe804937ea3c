import Datasets
import Foundation
@testable import Metrics
import Randomness
import TestSupport
import Testing

private let mnistPath = SharedData.mnistFolder

/// The classifier and FCD on real MNIST, when this machine has it (it is not in user clones).
@Suite(.enabled(if: FileManager.default.fileExists(atPath: mnistPath + "/train-images-idx3-ubyte.gz"),
                "MNIST is absent from \(mnistPath): skipped"))
struct MNISTMetricsTests {
    static let path = mnistPath

    @Test func classifierAndFCDOnRealDigits() throws {
        let train = try DatasetCatalog.load("idx:\(Self.path)", seed: 0, count: 10_000)
        let test = try DatasetCatalog.load("idx:\(Self.path)", seed: 0, split: .test, count: 1_000)
        var rng = SeededRNG(seed: 1)
        let classifier = ImageClassifier(inputs: train.featureCount, classes: 10, rng: &rng)
        classifier.train(on: train, settings: ClassifierTraining(steps: 300, batchSize: 64), rng: &rng)
        #expect(classifier.accuracy(on: test) > 0.85)
        var settings = EvaluationSettings(generatedCount: 1_000, referenceCount: 5_000, probeTrainCount: 500)
        settings.aucCount = 200
        let evaluator = GANEvaluator(training: train, heldOut: test, seed: 2, settings: settings, classifier: classifier)
        let floor = try #require(evaluator.realBaselineFrechetDistance)
        let shifted = try #require(evaluator.frechetDistance(of: Transform.shift(test, by: 3)))
        #expect(floor < 0.2 * shifted, "real test FCD \(floor), shifted by 3 pixels \(shifted)")
    }
}
