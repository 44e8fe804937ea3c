import Datasets
import Foundation
@testable import Metrics
import Randomness
import Testing

/// The spectral detector's known cases: the rings of a 32×32 spectrum, a pure wave peaking in
/// its own ring, two samples of one distribution it cannot tell apart, and a faint
/// high-frequency pattern it must catch.
@Suite struct SpectralDetectorTests {
    /// The ring a pattern lifts most above faint white noise (a pure pattern on an empty image
    /// would not do: the log of the empty frequencies' rounding errors swamps a ring's mean).
    static func loudestRing(_ pattern: (Int, Int) -> Double, _ features: SpectralFeatures) -> Int {
        var rng = SeededRNG(seed: 4)
        let noise = (0..<(32 * 32)).map { _ in 0.01 * (rng.uniform() - 0.5) }
        let patterned = noise.indices.map { noise[$0] + Float(pattern($0 % 32, $0 / 32)) }
        let lift = zip(features.spectrum(of: patterned[...]), features.spectrum(of: noise[...])).map { $0 - $1 }
        return (lift.indices.max { lift[$0] < lift[$1] } ?? -1) + 1
    }

    @Test func a32By32ImageHas23RingsAndAWaveLiftsItsOwnRing() {
        let features = SpectralFeatures(width: 32, height: 32, channels: 1)
        #expect(features.count == 23)  // 16 complete rings, 7 partial ones in the corners
        #expect(SpectralFeatures(width: 28, height: 28, channels: 1).count == 20)
        for frequency in [1, 3, 9, 16] {
            // cos(2π·f·x/32): all its power at (±f, 0), so in ring f.
            #expect(Self.loudestRing({ x, _ in cos(2 * Double.pi * Double(frequency * x) / 32) }, features) == frequency)
            #expect(Self.loudestRing({ _, y in cos(2 * Double.pi * Double(frequency * y) / 32) }, features) == frequency)
        }
        // The checkerboard (−1)^(x+y) sits at (16, 16), distance 22.6: the outermost ring.
        #expect(Self.loudestRing({ x, y in (x + y) % 2 == 0 ? 1 : -1 }, features) == 23)
    }

    @Test func colourIsMixedToGrayBeforeTheTransform() {
        let gray = (0..<(8 * 8)).map { Float($0 % 3) / 2 - 0.5 }
        let colour = gray + gray + gray  // three equal planes: luma weights sum to 1
        let fromGray = SpectralFeatures(width: 8, height: 8, channels: 1).spectrum(of: gray[...])
        let fromColour = SpectralFeatures(width: 8, height: 8, channels: 3).spectrum(of: colour[...])
        #expect(zip(fromGray, fromColour).allSatisfy { abs($0 - $1) < 1e-3 })
    }

    /// 2,000 images against 2,000 other images of the same distribution: trained on half of
    /// each, scored on the other half, the AUC must be within 0.05 of chance.
    @Test func twoSamplesOfOneDistributionGiveChanceAUC() throws {
        let (real, fake) = Self.blobs()
        let score = Self.score(real: real, fake: fake)
        #expect(abs(score.auc - 0.5) <= 0.05, "AUC \(score.auc)")
        #expect(abs(score.accuracy - 0.5) <= 0.05, "accuracy \(score.accuracy)")
    }

    /// The same fakes with a checkerboard of amplitude 0.05 (2.5 % of the pixel range), the
    /// up-convolution's trace: invisible to the eye, plain in the outermost ring.
    @Test func aFaintHighFrequencyPatternIsCaught() throws {
        let (real, fake) = Self.blobs()
        let checkered = fake.enumerated().map { index, value in
            let x = index % 28, y = index / 28 % 28
            return value + ((x + y) % 2 == 0 ? 0.05 : -0.05)
        }
        let score = Self.score(real: real, fake: checkered)
        #expect(score.auc >= 0.95, "AUC \(score.auc)")
    }

    /// 4,000 28×28 images of one distribution, split in two: each a dark background with three
    /// soft bright blobs at random places and sizes (cheap to draw in a debug build, unlike digits).
    static func blobs() -> (real: [Float], fake: [Float]) {
        var rng = SeededRNG(seed: 11)
        var images = [Float]()
        images.reserveCapacity(4_000 * 784)
        for _ in 0..<4_000 {
            var image = [Float](repeating: -1, count: 784)
            for _ in 0..<3 {
                let cx = rng.uniform() * 28, cy = rng.uniform() * 28, width = 1.5 + 3 * rng.uniform()
                for y in 0..<28 {
                    for x in 0..<28 {
                        let d2 = (Float(x) - cx) * (Float(x) - cx) + (Float(y) - cy) * (Float(y) - cy)
                        image[y * 28 + x] += 2 * exp(-d2 / (2 * width * width))
                    }
                }
            }
            images += image
        }
        return (Array(images.prefix(2_000 * 784)), Array(images.dropFirst(2_000 * 784)))
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
