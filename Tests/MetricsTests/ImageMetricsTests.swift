import Datasets
@testable import Metrics
import Randomness
import Testing

/// The classifier-based measures on the built-in digits: FCD is near zero for real against
/// real and grows steadily as images are shifted or blurred further from the data.
@Suite(.serialized) struct ImageMetricsTests {
    /// Built once for the suite; a failure to build it fails every test that needs it.
    static let fixture = Result { try DigitsFixture() }

    @Test func classifierLearnsTheDigits() throws {
        let f = try Self.fixture.get()
        #expect(f.classifier.accuracy(on: f.test) > 0.8)
    }

    /// The baseline is the FCD of the same held-out images, computed when the evaluator was made.
    /// The two are equal up to rounding, not bit for bit: the classifier's products run with
    /// whatever BLAS thread count the process has at the time, and other suites change it (see
    /// `BLASThreadPin`). FCD is a small difference of large traces, so a last-bit change in the
    /// features moves it by more than its own last bit: with 1 and 2 threads the FCD here (1.26)
    /// differed by 1.2e-7. The tolerance, 1e-6 of the 2-pixel-shift distance (95, so ~1e-4), is
    /// ~800× that and 5 orders below the smallest difference these tests tell apart (a 1-pixel
    /// shift adds 12).
    @Test func realAgainstRealHasNearZeroFCD() throws {
        let f = try Self.fixture.get()
        let fcd = try #require(f.evaluator.frechetDistance(of: f.test.samples))
        let shifted = try #require(f.evaluator.frechetDistance(of: Transform.shift(f.test, by: 2)))
        let baseline = try #require(f.evaluator.realBaselineFrechetDistance)
        #expect(fcd < 0.05 * shifted)
        #expect(abs(baseline - fcd) <= 1e-6 * shifted, "baseline \(baseline), recomputed \(fcd)")
    }

    @Test func shiftingRaisesFCDMonotonically() throws {
        let f = try Self.fixture.get()
        let distances = (0...3).compactMap { f.evaluator.frechetDistance(of: Transform.shift(f.test, by: $0)) }
        #expect(distances.count == 4)
        #expect(zip(distances, distances.dropFirst()).allSatisfy { $0 < $1 }, "\(distances)")
    }

    @Test func blurringRaisesFCDMonotonically() throws {
        let f = try Self.fixture.get()
        let distances = (0...3).compactMap { f.evaluator.frechetDistance(of: Transform.blur(f.test, passes: $0)) }
        #expect(distances.count == 4)
        #expect(zip(distances, distances.dropFirst()).allSatisfy { $0 < $1 }, "\(distances)")
    }

    @Test func realImagesCoverEveryClass() throws {
        let f = try Self.fixture.get()
        var rng = SeededRNG(seed: 9)
        let report = f.evaluator.measure(samples: f.test.samples, discriminator: nil, step: 0, rng: &rng)
        #expect(report.classesCovered == 10 && report.classCount == 10)
        #expect((report.classKL ?? 1) < 0.1)
        #expect(report.modesCaptured == nil && report.discriminatorAUC == nil)
        // Real against real: the probe cannot do much better than chance.
        #expect(abs((report.probeAccuracy ?? 0) - 0.5) < 0.1)
    }

    @Test func oneRepeatedDigitCoversOneClass() throws {
        let f = try Self.fixture.get()
        let one = Array(f.test.sample(at: 0))
        let copies = Array((0..<f.test.count).map { _ in one }.joined())
        var rng = SeededRNG(seed: 9)
        let report = f.evaluator.measure(samples: copies, discriminator: nil, step: 0, rng: &rng)
        #expect(report.classesCovered == 1)
        #expect((report.classKL ?? 0) > 2)
        #expect((report.probeAccuracy ?? 0) > 0.9)
    }
}

/// A classifier trained on a small digits set, and an evaluator over it, shared by the tests.
/// `@unchecked Sendable` so a static can hold it: the suite is `.serialized`, so one test at a
/// time uses its (not `Sendable`) networks.
struct DigitsFixture: @unchecked Sendable {
    let train: Dataset
    let test: Dataset
    let classifier: ImageClassifier
    let evaluator: GANEvaluator

    init() throws {
        // Debug builds draw images ~100× slower than release: keep the sets small.
        train = try DatasetCatalog.load("digits", seed: 5, count: 2_000)
        test = try DatasetCatalog.load("digits", seed: 5, split: .test, count: 600)
        var rng = SeededRNG(seed: 6)
        classifier = ImageClassifier(inputs: train.featureCount, classes: 10, rng: &rng)
        classifier.train(on: train, settings: ClassifierTraining(steps: 400, batchSize: 64), rng: &rng)
        var settings = EvaluationSettings(generatedCount: 600, referenceCount: 2_000, probeTrainCount: 400)
        settings.probeTestCount = 200
        settings.aucCount = 200
        evaluator = GANEvaluator(training: train, heldOut: test, seed: 7, settings: settings, classifier: classifier)
    }
}

/// Image degradations for the monotonicity tests.
enum Transform {
    /// Every image moved `pixels` to the right, background (−1) filling in.
    static func shift(_ data: Dataset, by pixels: Int) -> [Float] {
        let samples = data.samples  // a float copy of the byte-stored set: take it once
        guard case .image(let width, let height, _) = data.shape else { return samples }
        var out = [Float](repeating: -1, count: samples.count)
        for n in 0..<data.count {
            for y in 0..<height {
                for x in pixels..<width {
                    let base = n * width * height + y * width
                    out[base + x] = samples[base + x - pixels]
                }
            }
        }
        return out
    }

    /// `passes` rounds of a 3×3 box blur (edges clamped).
    static func blur(_ data: Dataset, passes: Int) -> [Float] {
        guard case .image(let width, let height, _) = data.shape else { return data.samples }
        var current = data.samples
        for _ in 0..<passes {
            var next = current
            for n in 0..<data.count {
                let base = n * width * height
                for y in 0..<height {
                    for x in 0..<width {
                        var sum: Float = 0
                        for dy in -1...1 {
                            for dx in -1...1 {
                                let yy = min(max(y + dy, 0), height - 1), xx = min(max(x + dx, 0), width - 1)
                                sum += current[base + yy * width + xx]
                            }
                        }
                        next[base + y * width + x] = sum / 9
                    }
                }
            }
            current = next
        }
        return current
    }
}
