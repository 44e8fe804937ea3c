import Datasets
import Testing
@testable import Dashboard
@testable import GAN

/// The picture store behind the history slider: 8-bit, one frame per step, within its budget.
@Suite struct PictureHistoryTests {
    @Test func quantizedValuesComeBackWithinHalfALevel() {
        let values: [Float] = [-1, -0.3, 0, 0.25, 0.999, 1]
        let quantized = Quantized(values)
        #expect(quantized.levels.count == values.count)
        #expect(zip(quantized.values, values).allSatisfy { abs($0 - $1) <= 2.0 / 510 + 1e-6 })
        // A flat or non-finite picture does not trap.
        #expect(Quantized([3, 3]).values == [3, 3])
        #expect(Quantized([.nan, 1, 2]).levels == [0, 0, 255])
    }

    @Test func picturesOfOneStepShareAFrame() {
        var history = PictureHistory()
        history.record(Fixtures.samples(step: 10))
        history.record(Verdicts(step: 10, real: [0.9], fake: [0.1]))
        history.record(Fixtures.samples(step: 20))
        history.record(Fixtures.samples(step: 15))  // older than the newest: not kept
        #expect(history.frames.map(\.step) == [10, 20])
        #expect(history.frames[0].verdicts != nil && history.frames[1].verdicts == nil)
        // Frame 20 has no verdicts of its own: those of step 10 are shown with it.
        #expect(history.latest(\.verdicts, upTo: 1)?.step == 10)
        #expect(history.index(nearest: 14) == 0 && history.index(nearest: 15) == 0 && history.index(nearest: 16) == 1)
        #expect(history.index(nearest: 5) == 0 && history.index(nearest: 99) == 1)
        #expect(history.byteCount == history.frames.map(\.byteCount).reduce(0, +))
    }

    /// A long run in a small budget: the bytes stay within it, the first and the newest frames
    /// stay, and old frames are further apart than new ones.
    @Test func aLongRunStaysWithinTheBudgetThinningOlderPictures() {
        let frameBytes = PictureFrame.overhead + 16 * 64
        var history = PictureHistory(budget: 40 * frameBytes)
        var samples = Fixtures.samples(step: 1)
        for step in 1...1_500 {
            samples.step = step
            history.record(samples)
        }
        #expect(history.byteCount <= history.budget)
        #expect(history.frames.count >= 20)
        let steps = history.frames.map(\.step)
        #expect(steps.first == 1 && steps.last == 1_500)
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0 < $1 })
        let gaps = zip(steps, steps.dropFirst()).map { $1 - $0 }
        #expect(gaps.prefix(10).reduce(0, +) > 4 * gaps.suffix(10).reduce(0, +))
        // A step whose frame was thinned away is shown by its nearest neighbour.
        let gone = steps[1] + 1
        #expect(abs(history.frames[history.index(nearest: gone) ?? 0].step - gone) <= (steps[2] - steps[1]) / 2 + 1)
    }

    @Test func surfacesKeepTheirTheory() {
        var surface = Fixtures.surface()
        surface.theory = PlaneTheory(optimal: Array(repeating: 0.25, count: 64), meanAbsoluteDifference: 0.3,
                                     arrows: [GradientArrow(point: [1, 2], gradient: [0.5, -0.5])])
        var history = PictureHistory()
        history.record(surface)
        let restored = history.latest(\.surface, upTo: 0).map { $0.picture.restored(step: $0.step) }
        #expect(restored?.theory?.arrows == surface.theory?.arrows)
        #expect(restored?.theory?.meanAbsoluteDifference == 0.3)
        #expect(restored.map { zip($0.values, surface.values).allSatisfy { abs($0 - $1) < 0.01 } } == true)
    }
}
