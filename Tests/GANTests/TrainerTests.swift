import Foundation
import Observer
import TestSupport
import Testing
@testable import GAN

/// The training loop on its queue. Every test runs a `Trainer`, which sets BLAS's thread count,
/// so each holds the thread pin; every wait is bounded, so a broken loop fails the test instead
/// of hanging the run.
@Suite(.timeLimit(.minutes(1))) struct TrainerTests {
    @Test func runsToTheEndAndPublishes() throws {
        try BLASThreadPin.pinned(to: 1) {
            let trainer = Trainer(gan: try makeGAN(dataset: "ring", batch: 16, steps: 50), publishInterval: 0)
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            trainer.start()
            waitForEnd(of: trainer)
            subscription.cancel()
            #expect(log.steps.map(\.step) == Array(1...50))
            #expect(log.states.first == .running && log.states.last == .finished)
            #expect(log.all.contains { if case .samples(let s) = $0 { s.count == 16 } else { false } })
            #expect(log.all.contains { if case .decisionSurface(let d) = $0 { d.values.count == 64 * 32 } else { false } })
            #expect(log.all.contains { if case .started(let info) = $0 { info.datasetName == "ring" } else { false } })
        }
    }

    /// Paused, the loop answers commands (here a snapshot request, which it handles between
    /// steps) without taking a step; resumed, it steps again. Events and the kernel's view of the
    /// trainer's thread, not sleeps, mark each stage.
    @Test func pausesWithoutSteppingAndResumes() throws {
        try BLASThreadPin.pinned(to: 1) {
            let trainer = Trainer(gan: try makeGAN(dataset: "ring", batch: 16, steps: 200_000))
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            defer { subscription.cancel() }
            try startAsleep(trainer, log)
            trainer.requestSnapshot()  // no writer: answered with a warning, from the paused loop
            try #require(log.waitFor { if case .warning = $0 { true } else { false } }, "the paused loop did not answer")
            #expect(log.steps.isEmpty)
            #expect(trainer.gan.stepCount == 0)
            trainer.resume()
            try #require(log.waitFor { if case .step = $0 { true } else { false } }, "no step after resume")
            trainer.stop()
            waitForEnd(of: trainer)
            #expect(!log.steps.isEmpty)
            #expect(log.states.last == .stopped)
        }
    }

    @Test func stopWhilePausedEnds() throws {
        try BLASThreadPin.pinned(to: 1) {
            let trainer = Trainer(gan: try makeGAN(dataset: "ring", batch: 16))
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            defer { subscription.cancel() }
            try startAsleep(trainer, log)
            trainer.stop()
            waitForEnd(of: trainer)
            #expect(trainer.gan.stepCount == 0)
            #expect(log.states.last == .stopped)
        }
    }

    /// Starts `trainer` paused and waits until its loop is asleep on its condition (see
    /// `ThreadProbe`), so that what the test sends next must wake it. Each wait that fails ends
    /// the test at once (the trainer is left asleep), within the time limit.
    private func startAsleep(_ trainer: Trainer, _ log: EventLog) throws {
        let probe = ThreadProbe()
        let subscription = trainer.events.subscribe { event in
            if case .state(.paused) = event { probe.recordCurrentThread() }
        }
        defer { subscription.cancel() }
        trainer.start(paused: true)
        try #require(log.waitFor(state: .paused), "no paused state")
        try #require(probe.waitUntilAsleep(), "the paused trainer did not go to sleep")
    }

    @Test func nonFiniteLossStopsAsDiverged() throws {
        try BLASThreadPin.pinned(to: 1) {
            // An absurd learning rate blows the weights up within a few steps.
            let gan = try makeGAN(dataset: "ring", batch: 16, steps: 5_000) {
                $0.optimizer = .sgd
                $0.learningRateD = 1e30
                $0.learningRateG = 1e30
            }
            let trainer = Trainer(gan: gan)
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            trainer.start()
            waitForEnd(of: trainer)
            subscription.cancel()
            guard case .diverged(let reason) = log.states.last else {
                Issue.record("expected diverged, got \(String(describing: log.states.last))")
                return
            }
            #expect(reason.contains("non-finite"))
            #expect(log.steps.allSatisfy { $0.result.isFinite })
            #expect(gan.stepCount < 5_000)
        }
    }

    @Test func snapshotWithoutWriterWarns() throws {
        try BLASThreadPin.pinned(to: 1) {
            let trainer = Trainer(gan: try makeGAN(dataset: "ring", batch: 16, steps: 10))
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            trainer.requestSnapshot()
            trainer.start()
            waitForEnd(of: trainer)
            subscription.cancel()
            #expect(log.all.contains { if case .warning(let text) = $0 { text.contains("snapshot") } else { false } })
        }
    }
}
