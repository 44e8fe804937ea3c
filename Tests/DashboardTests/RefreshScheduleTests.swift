import Testing
@testable import Dashboard

/// The dashboard's rates: data 5 times a second, pictures twice, generator weights once while
/// training runs; everything at each tick once it has settled.
@Suite struct RefreshScheduleTests {
    @Test func everythingIsDueAtFirst() {
        let schedule = RefreshSchedule()
        for job in RefreshSchedule.Job.allCases { #expect(schedule.isDue(job, at: 0)) }
        #expect(schedule.secondsUntilData(at: 0) == 0.001)
    }

    @Test func eachJobKeepsItsOwnRate() {
        var schedule = RefreshSchedule()
        for job in RefreshSchedule.Job.allCases { schedule.record(job, at: 10) }
        // Half-way between ticks nothing is due.
        for job in RefreshSchedule.Job.allCases { #expect(!schedule.isDue(job, at: 10.1)) }
        #expect(!schedule.isDue(.data, at: 10.19) && schedule.isDue(.data, at: 10.21))
        #expect(!schedule.isDue(.pictures, at: 10.49) && schedule.isDue(.pictures, at: 10.51))
        #expect(!schedule.isDue(.generator, at: 10.99) && schedule.isDue(.generator, at: 11.01))
    }

    @Test func settledTrainingTakesPicturesAndWeightsAtEveryTick() {
        var schedule = RefreshSchedule()
        for job in RefreshSchedule.Job.allCases { schedule.record(job, at: 10) }
        #expect(schedule.isDue(.pictures, at: 10.21, trainingRuns: false))
        #expect(schedule.isDue(.generator, at: 10.21, trainingRuns: false))
        #expect(!schedule.isDue(.data, at: 10.1, trainingRuns: false))
    }

    @Test func keyWaitRunsUntilTheNextDataTick() {
        var schedule = RefreshSchedule()
        schedule.record(.data, at: 10)
        #expect(abs(schedule.secondsUntilData(at: 10.05) - 0.15) < 1e-9)
        #expect(schedule.secondsUntilData(at: 10.5) == 0.001)
        #expect(schedule.secondsUntilData(at: 9) == 0.2)  // the clock never runs back; capped anyway
    }
}
