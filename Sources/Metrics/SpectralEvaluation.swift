import GAN
import Randomness

/// The spectral detector's part of an evaluation: the real spectra are computed once, then each
/// evaluation fits a fresh ``SpectralDetector`` to real vs fake training spectra and scores it on
/// held-out ones (the same rows the pixel probe uses, so the two compare fairly).
final class SpectralEvaluation {
    let features: SpectralFeatures
    private let realTrain: [Float]
    private let realTest: [Float]
    /// The mean spectrum of the real training rows.
    let realMean: [Float]

    init(features: SpectralFeatures, realTrain: ArraySlice<Float>, realTest: ArraySlice<Float>) {
        self.features = features
        self.realTrain = features.spectra(of: realTrain)
        self.realTest = features.spectra(of: realTest)
        realMean = features.mean(of: self.realTrain)
    }

    /// Fills the report's spectral figures from `fakes`: the first `trainCount` rows train the
    /// detector, the rest test it. Nothing is filled without rows on both sides.
    func measure(fakes: ArraySlice<Float>, trainCount: Int, into report: inout EvaluationReport,
                 rng: inout SeededRNG) {
        let spectra = features.spectra(of: fakes)
        let trainFake = Array(spectra.prefix(trainCount * features.count))
        let testFake = Array(spectra.dropFirst(trainCount * features.count))
        guard !realTrain.isEmpty, !realTest.isEmpty, !trainFake.isEmpty, !testFake.isEmpty else { return }
        let detector = SpectralDetector(real: realTrain, fake: trainFake, featureCount: features.count, rng: &rng)
        let score = detector.score(real: realTest, fake: testFake)
        report.spectralAccuracy = score.accuracy
        report.spectralAUC = score.auc
        report.realSpectrum = realMean.map(Double.init)
        report.fakeSpectrum = features.mean(of: trainFake).map(Double.init)
    }
}
