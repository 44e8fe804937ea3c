import Testing
@testable import Dashboard

@Suite struct HistoryTests {
    @Test func keepsEveryValueUntilFull() {
        var series = CompressedSeries(capacity: 8)
        for value in 0..<7 { series.append(Float(value)) }
        #expect(series.values == [0, 1, 2, 3, 4, 5, 6])
        #expect(series.bucketSize == 1)
    }

    @Test func halvesResolutionWhenFull() {
        var series = CompressedSeries(capacity: 8)
        for value in 0..<8 { series.append(Float(value)) }
        #expect(series.values == [0.5, 2.5, 4.5, 6.5])
        #expect(series.bucketSize == 2)
        // Later values are averaged in pairs too, so every point spans two steps.
        series.append(8)
        #expect(series.values.count == 4)
        series.append(9)
        #expect(series.values == [0.5, 2.5, 4.5, 6.5, 8.5])
        #expect(series.appendedCount == 10)
    }

    @Test func longRunsStayBoundedAndKeepTheirShape() {
        var series = CompressedSeries(capacity: 2048)
        for step in 0..<100_000 { series.append(Float(step)) }
        #expect(series.values.count < 2048)
        #expect(series.values.count >= 1024)
        #expect(series.appendedCount == 100_000)
        // A straight line stays straight: the first point is the mean of the first bucket.
        let bucket = Float(series.bucketSize)
        #expect(series.values[0] == (bucket - 1) / 2)
        #expect(series.values[1] - series.values[0] == bucket)
    }

    @Test func debiasedAverageStartsAtTheFirstValue() {
        var ema = DebiasedEMA(decay: 0.9)
        #expect(ema.value.isNaN)
        #expect(ema.add(2) == 2)  // plain EMA would say 0.2
        #expect(abs(ema.add(4) - (0.9 * 0.1 * 2 + 0.1 * 4) / (1 - 0.81)) < 1e-5)
        let before = ema.value
        #expect(ema.add(.nan) == before)
    }

    @Test func historyRecordsStepsInLockstep() {
        var history = TrainingHistory(capacity: 4)
        for step in 1...5 { history.append(Fixtures.metrics(step: step, d: Float(step))) }
        #expect(history.firstStep == 1)
        #expect(history.lastStep == 5)
        #expect(history.discriminatorLoss.values == [1.5, 3.5])
        #expect(history.generatorLoss.values.count == history.discriminatorLoss.values.count)
        #expect(history.realScore.bucketSize == 2)
    }
}

@Suite struct ChartWindowTests {
    @Test func padsShortHistoriesSoEarlierPointsKeepTheirPlace() {
        let window = ChartWindow([1, 2, 3], length: 6)
        #expect(window.stride == 1)
        #expect(Array(window.values.prefix(3)) == [1, 2, 3])
        #expect(window.values.suffix(3).allSatisfy { $0.isNaN })
        let longer = ChartWindow([1, 2, 3, 4], length: 6)
        #expect(Array(longer.values.prefix(3)) == Array(window.values.prefix(3)))
    }

    @Test func averagesInPowerOfTwoBucketsWhenTooLong() {
        let window = ChartWindow((0..<10).map(Float.init), length: 4)
        #expect(window.stride == 4)
        #expect(Array(window.values.prefix(3)) == [1.5, 5.5, 8.5])
        #expect(window.values[3].isNaN)
    }

    @Test func axisEndCountsCompressedSteps() {
        var history = TrainingHistory(capacity: 4)
        for step in 1...5 { history.append(Fixtures.metrics(step: step)) }
        let window = ChartWindow(history.discriminatorLoss.values, length: 8)
        #expect(window.lastStep(first: 1, history: history) == 16)  // 8 points × 2 steps each
    }
}
