import Datasets
import Foundation
@testable import Metrics
import Randomness
import Testing

/// The spectral detector's known cases: the rings of a 32×32 spectrum, a pure wave peaking in
/// its own ring, two samples of one distribution it cannot tell apart, and a faint
/// high-frequency pattern it must catch.
@Suite struct SpectralDetectorTests {
    @Test func a32By32ImageHas23RingsAndAWavePeaksInItsRing() {
        let features = SpectralFeatures(width: 32, height: 32, channels: 1)
        #expect(features.count == 23)  // 16 complete rings, 7 partial ones in the corners
        #expect(SpectralFeatures(width: 28, height: 28, channels: 1).count == 20)
        for frequency in [3, 9, 16] {
            // cos(2π·f·x/32) along x: all its power at (±f, 0), so in ring f alone.
            let wave = (0..<(32 * 32)).map { Float(cos(2 * Double.pi * Double(frequency * ($0 % 32)) / 32)) }
            let spectrum = features.spectrum(of: wave[...])
            let peak = spectrum.indices.max { spectrum[$0] < spectrum[$1] }
            #expect(peak == frequency - 1, "ring \(frequency): \(spectrum)")
        }
        // The checkerboard (−1)^(x+y) sits at (16, 16): the outermost ring.
        let checker = (0..<(32 * 32)).map { Float(($0 % 32 + $0 / 32) % 2 == 0 ? 1 : -1) }
        let spectrum = features.spectrum(of: checker[...])
        #expect(spectrum.indices.max { spectrum[$0] < spectrum[$1] } == 22)
    }

    @Test func colourIsMixedToGrayBeforeTheTransform() {
        let gray = (0..<(8 * 8)).map { Float($0 % 3) / 2 - 0.5 }
        let colour = gray + gray + gray  // three equal planes: luma weights sum to 1
        let fromGray = SpectralFeatures(width: 8, height: 8, channels: 1).spectrum(of: gray[...])
        let fromColour = SpectralFeatures(width: 8, height: 8, channels: 3).spectrum(of: colour[...])
        #expect(zip(fromGray, fromColour).allSatisfy { abs($0 - $1) < 1e-3 })
    }

    /// 2,000 digits against 2,000 other digits of the same generator: trained on half of each,
    /// scored on the other half, the AUC must be within 0.05 of chance.
    @Test func twoSamplesOfOneDistributionGiveChanceAUC() throws {
        let (real, fake) = try Self.digits()
        let score = Self.score(real: real, fake: fake)
        #expect(abs(score.auc - 0.5) <= 0.05, "AUC \(score.auc)")
        #expect(abs(score.accuracy - 0.5) <= 0.05, "accuracy \(score.accuracy)")
    }

    /// The same fakes with vertical stripes of amplitude 0.05 (2.5 % of the pixel range) at the
    /// highest horizontal frequency: invisible to the eye, plain in the spectrum's ring 14.
    @Test func aFaintHighFrequencyPatternIsCaught() throws {
        let (real, fake) = try Self.digits()
        let striped = fake.enumerated().map { $1 + ($0 % 2 == 0 ? 0.05 : -0.05) }
        let score = Self.score(real: real, fake: striped)
        #expect(score.auc >= 0.95, "AUC \(score.auc)")
    }

    static func digits() throws -> (real: [Float], fake: [Float]) {
        let data = try DatasetCatalog.load("digits", seed: 3, count: 4_000)
        return (data.rows(0..<2_000), data.rows(2_000..<4_000))
    }

    static func score(real: [Float], fake: [Float]) -> DetectorScore {
        let features = SpectralFeatures(width: 28, height: 28, channels: 1)
        let half = 1_000 * 28 * 28
        let trainReal = features.spectra(of: real.prefix(half)), testReal = features.spectra(of: real.dropFirst(half))
        let trainFake = features.spectra(of: fake.prefix(half)), testFake = features.spectra(of: fake.dropFirst(half))
        var rng = SeededRNG(seed: 1, stream: 9)
        let detector = SpectralDetector(real: trainReal, fake: trainFake, featureCount: features.count, rng: &rng)
        return detector.score(real: testReal, fake: testFake)
    }
}
