import Datasets
import NeuralNet
import RealModule
import Randomness

/// Three detectors of generated images side by side, trained and scored on the same rows
/// (what `ganscope detect` prints): D of the checkpoint (trained with G, as it is), the pixel
/// probe (``DetectionProbe``, a fresh network on raw pixels) and the spectral detector
/// (``SpectralDetector``, logistic regression on 1-D power spectra).
///
/// The split is fixed: the first `trainShare` of the reals and of the fakes train the probe and
/// the spectral detector, the rest score all three. The probe and the spectral detector draw from
/// random streams of their own, so either gives the same result whatever the other does.
///
/// Not `Sendable`: the probe network and the FFT plan keep working buffers.
public final class FakeDetectors {
    /// Held-out figures of each detector; `discriminator` is nil without a D.
    public struct Scores: Sendable, Equatable, Codable {
        public var discriminator: DetectorScore?
        public var probe: DetectorScore
        public var spectral: DetectorScore
    }

    /// One image's probability of being fake, by each detector.
    public struct Verdict: Sendable, Equatable, Codable {
        public var discriminator: Double?
        public var probe: Double
        public var spectral: Double
    }

    public let shape: DataShape
    public let scores: Scores
    /// Rows of each kind that trained the probe and the spectral detector, and that scored all three.
    public let trainCount: (real: Int, fake: Int)
    public let testCount: (real: Int, fake: Int)

    private let discriminator: MLP<Float>?
    private let probe: MLP<Float>
    private let spectralFeatures: SpectralFeatures
    private let spectral: SpectralDetector

    /// - Parameters:
    ///   - real, fake: images of `shape` back to back (values in [-1, 1]); each needs two rows or more.
    ///   - discriminator: D, whose output is a logit, above zero for "real".
    ///   - seed: the base of the probe's and the spectral detector's random streams.
    public init(real: [Float], fake: [Float], shape: DataShape, discriminator: MLP<Float>?,
                trainShare: Double = 0.75, probe: DetectionProbe = DetectionProbe(steps: 1_000), seed: UInt64) {
        guard let features = SpectralFeatures(shape: shape) else { preconditionFailure("detectors judge images") }
        let width = shape.featureCount
        let realRows = real.count / width, fakeRows = fake.count / width
        precondition(realRows >= 2 && fakeRows >= 2, "the detectors need two real and two fake images or more")
        let realTrain = min(realRows - 1, max(1, Int(Double(realRows) * trainShare)))
        let fakeTrain = min(fakeRows - 1, max(1, Int(Double(fakeRows) * trainShare)))
        self.shape = shape
        trainCount = (realTrain, fakeTrain)
        testCount = (realRows - realTrain, fakeRows - fakeTrain)
        self.discriminator = discriminator
        spectralFeatures = features

        let (trainReal, testReal) = (real.prefix(realTrain * width), real.dropFirst(realTrain * width))
        let (trainFake, testFake) = (fake.prefix(fakeTrain * width), fake.dropFirst(fakeTrain * width))
        var probeRNG = SeededRNG(seed: seed, stream: RNGStreams.detection)
        // Both sets hold a row, so the probe trains.
        self.probe = probe.train(real: trainReal, fake: trainFake, features: width, rng: &probeRNG)!
        var spectralRNG = SeededRNG(seed: seed, stream: RNGStreams.detectionSpectral)
        spectral = SpectralDetector(real: features.spectra(of: trainReal), fake: features.spectra(of: trainFake),
                                    featureCount: features.count, rng: &spectralRNG)

        let discriminatorScore = discriminator.map { network in
            DetectorScore(realFakeProbabilities: Self.fakeProbabilities(logits: network.outputs(for: testReal)),
                          fakeFakeProbabilities: Self.fakeProbabilities(logits: network.outputs(for: testFake)))
        }
        scores = Scores(
            discriminator: discriminatorScore,
            probe: DetectorScore(realFakeProbabilities: Self.fakeProbabilities(logits: self.probe.outputs(for: testReal)),
                                 fakeFakeProbabilities: Self.fakeProbabilities(logits: self.probe.outputs(for: testFake))),
            spectral: spectral.score(real: features.spectra(of: testReal), fake: features.spectra(of: testFake)))
    }

    /// Each detector's probability that each row of `images` (of ``shape``) is fake.
    public func verdicts(on images: [Float]) -> [Verdict] {
        let rows = images[...]
        let discriminatorSays = discriminator.map { Self.fakeProbabilities(logits: $0.outputs(for: rows)) }
        let probeSays = Self.fakeProbabilities(logits: probe.outputs(for: rows))
        let spectralSays = spectral.fakeProbabilities(spectralFeatures.spectra(of: rows))
        return probeSays.indices.map { index in
            Verdict(discriminator: discriminatorSays.map { Double($0[index]) }, probe: Double(probeSays[index]),
                    spectral: Double(spectralSays[index]))
        }
    }

    /// `count` fresh images from `generator` (in evaluation mode), from a stream of their own.
    public static func fakes(of generator: MLP<Float>, count: Int, seed: UInt64) -> [Float] {
        var rng = SeededRNG(seed: seed, stream: RNGStreams.detectionFakes)
        return generator.generate(count: count, rng: &rng)
    }

    /// P(fake) from logits that are above zero for "real": σ(−logit).
    private static func fakeProbabilities(logits: [Float]) -> [Float] {
        logits.map { 1 / (1 + Float.exp($0)) }
    }
}
