import Datasets
import GAN
@testable import Metrics
import NeuralNet
import Randomness
import TestSupport
import Testing

/// The evaluator on the ring: the protocol's figures for real and collapsed samples, D's AUC,
/// and the promise that measuring never changes training.
@Suite struct EvaluatorTests {
    let ring: Dataset
    let heldOut: Dataset
    let evaluator: GANEvaluator

    init() throws {
        ring = try DatasetCatalog.load("ring", seed: 3, count: 10_000)
        heldOut = try DatasetCatalog.load("ring", seed: 3, split: .test, count: 10_000)
        evaluator = GANEvaluator(training: ring, heldOut: heldOut, seed: 3,
                                 settings: .defaults(for: .points), classifier: nil)
    }

    @Test func realAgainstRealCoversEveryMode() {
        var rng = SeededRNG(seed: 1)
        let reals = Array(ring.samples.prefix(2 * 2_500))
        let report = evaluator.measure(samples: reals, discriminator: nil, step: 0, rng: &rng)
        #expect(report.modesCaptured == 8 && report.modeCount == 8)
        #expect((report.highQualityFraction ?? 0) > 0.97)
        #expect((report.klDivergence ?? 1) < 0.1 && (report.jsDivergence ?? 1) < 0.05)
        #expect(abs((report.probeAccuracy ?? 0) - 0.5) < 0.06)
        #expect(report.frechetDistance == nil && report.classesCovered == nil)
    }

    @Test func collapsedSamplesScoreOneMode() {
        var rng = SeededRNG(seed: 1)
        let oneMode = (0..<2_500).flatMap { i in Array(ring.sample(at: 8 * (i % (ring.count / 8)))) }  // label 0
        let report = evaluator.measure(samples: oneMode, discriminator: nil, step: 0, rng: &rng)
        #expect(report.modesCaptured == 1)
        #expect((report.klDivergence ?? 0) > 5)
        #expect((report.probeAccuracy ?? 0) > 0.8)
    }

    @Test func discriminatorAUCOnIdenticalAndSeparatedSets() {
        var rng = SeededRNG(seed: 1)
        let judge = xJudge()
        // The held-out reals D is shown are exactly these samples: no signal, AUC ½.
        let identical = Array(heldOut.samples.prefix(2 * 2_500))
        #expect(evaluator.measure(samples: identical, discriminator: judge, step: 0, rng: &rng).discriminatorAUC == 0.5)
        // Fakes far to the right, D scoring "real" as −x: perfectly separated.
        let farRight = (0..<2_500).flatMap { i -> [Float] in [100 + Float(i % 7), 0] }
        #expect(evaluator.measure(samples: farRight, discriminator: judge, step: 0, rng: &rng).discriminatorAUC == 1)
    }

    /// Compares two runs bit for bit, so BLAS's thread count is pinned (see `BLASThreadPin`).
    @Test func evaluatingDoesNotChangeTraining() throws {
        try BLASThreadPin.pinned(to: 1) {
            let plain = makeGAN(), measured = makeGAN()
            for _ in 0..<30 { _ = plain.step() }
            var reports: [EvaluationReport] = []
            for step in 1...30 {
                _ = measured.step()
                if step % 10 == 0 { reports.append(evaluator.evaluate(measured)) }
            }
            #expect(NetworkWeights(of: plain.model.generator) == NetworkWeights(of: measured.model.generator))
            #expect(NetworkWeights(of: plain.model.discriminator) == NetworkWeights(of: measured.model.discriminator))
            #expect(plain.rng == measured.rng)
            // The same weights at the same step give the same figures.
            var again = evaluator.evaluate(measured)
            again.seconds = reports[2].seconds
            #expect(again == reports[2])
            #expect(reports.allSatisfy { $0.seconds > 0 && $0.discriminatorAUC != nil })
        }
    }

    /// A one-layer D whose logit is −x.
    private func xJudge() -> MLP<Float> {
        var rng = SeededRNG(seed: 0)
        let judge = MLP<Float>(sizes: [2, 1], activations: [.identity], rng: &rng)
        judge.parameters[0].value.assign([-1, 0])
        judge.parameters[1].value.assign([0])
        return judge
    }

    private func makeGAN() -> GANStep {
        var config = TrainingConfig()
        config.dataset = "ring"
        config.seed = 4
        config.threads = 1
        let architecture = ModelArchitecture(for: .points, featureCount: 2, latentDimension: nil)
        return GANStep(model: GANModel(architecture: architecture, seed: 4, sampleCount: 16), config: config,
                       dataset: ring)
    }
}
