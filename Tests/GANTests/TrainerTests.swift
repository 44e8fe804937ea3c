import Foundation
import Observer
import TestSupport
import Testing
@testable import GAN

/// The training loop on its queue. Every test runs a `Trainer`, which sets BLAS's thread count,
/// so each holds the thread pin; every wait is bounded, so a broken loop fails the test instead
/// of hanging the run.
@Suite struct TrainerTests {
    @Test func runsToTheEndAndPublishes() throws {
        try BLASThreadPin.pinned(to: 1) {
            let trainer = Trainer(step: try makeGAN(dataset: "ring", batch: 16, steps: 50), publishInterval: 0)
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            trainer.start()
            waitForEnd(of: trainer)
            subscription.cancel()
            #expect(log.steps.map(\.step) == Array(1...50))
            #expect(log.states.first == .running && log.states.last == .finished)
            #expect(log.all.contains { if case .samples(let s) = $0 { s.count == 16 } else { false } })
            #expect(log.all.contains { if case .decisionSurface(let d) = $0 { d.values.count == 64 * 32 } else { false } })
            // D* and the arrows ride with the surface on 2-D runs.
            #expect(log.all.contains {
                if case .decisionSurface(let d) = $0 { d.theory?.optimal.count == 64 * 32 && d.theory?.arrows.count == 48 }
                else { false }
            })
            #expect(log.all.contains { if case .started(let info) = $0 { info.datasetName == "ring" } else { false } })
        }
    }

    /// Paused, the loop answers commands (here a snapshot request, which it handles between
    /// steps) without taking a step; resumed, it steps again. Events and the kernel's view of the
    /// trainer's thread, not sleeps, mark each stage.
    @Test func pausesWithoutSteppingAndResumes() throws {
        try BLASThreadPin.pinned(to: 1) {
            let trainer = Trainer(step: try makeGAN(dataset: "ring", batch: 16, steps: 200_000))
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            defer { subscription.cancel() }
            try startAsleep(trainer, log)
            trainer.requestSnapshot()  // no writer: answered with a warning, from the paused loop
            try #require(log.waitFor { if case .warning = $0 { true } else { false } }, "the paused loop did not answer")
            #expect(log.steps.isEmpty)
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
            let trainer = Trainer(step: try makeGAN(dataset: "ring", batch: 16))
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            defer { subscription.cancel() }
            try startAsleep(trainer, log)
            trainer.stop()
            waitForEnd(of: trainer)
            #expect(trainer.takeFinishedStep().stepCount == 0)
            #expect(log.states.last == .stopped)
        }
    }

    /// Starts `trainer` paused and waits until its loop is asleep on its condition (see
    /// `ThreadProbe`), so that what the test sends next must wake it. Each wait that fails ends
    /// the test at once (the trainer is left asleep), within `BoundedWait.seconds`.
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
            let gan = try makeDivergingGAN(steps: 5_000)
            let trainer = Trainer(step: gan)
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
            #expect(log.steps.allSatisfy { $0.losses.isFinite })
            #expect(trainer.takeFinishedStep().stepCount < 5_000)
        }
    }

    @Test func snapshotWithoutWriterWarns() throws {
        try BLASThreadPin.pinned(to: 1) {
            let trainer = Trainer(step: try makeGAN(dataset: "ring", batch: 16, steps: 10))
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            trainer.requestSnapshot()
            trainer.start()
            waitForEnd(of: trainer)
            subscription.cancel()
            #expect(log.all.contains { if case .warning(let text) = $0 { text.contains("snapshot") } else { false } })
        }
    }

    /// A stop must end even one iteration of a billion D updates, and may come from an event
    /// handler: the handler of the `.running` that follows a resume runs on the training thread
    /// after the loop has read its requests, so the stop lands inside the step (and would
    /// deadlock a loop that sent events while holding its lock).
    @Test func stopEndsAHugeIterationPromptly() throws {
        try BLASThreadPin.pinned(to: 1) {
            let trainer = Trainer(step: try makeGAN(dataset: "ring", batch: 16) { $0.discriminatorSteps = 1_000_000_000 })
            let log = EventLog()
            let subscription = trainer.events.subscribe(to: [.state]) { event in
                log.append(event)
                if case .state(.running) = event, log.states.contains(.paused) { trainer.stop() }
            }
            defer { subscription.cancel() }
            trainer.start(paused: true)
            try #require(log.waitFor(state: .paused), "no paused state")
            trainer.resume()
            // On failure the trainer is left running: the test must not wait for it again below.
            try #require(BoundedWait.finishes { trainer.waitUntilFinished() }, "the stop was not seen inside the step")
            #expect(log.states.last == .stopped)
            let gan = try #require(trainer.takeFinishedStep() as? GANStep)
            #expect(gan.stepCount == 0)
            #expect(gan.isMidStep)
            #expect(throws: CheckpointError.midStep(step: 0)) {
                try CheckpointFolder(path: "/nonexistent", run: "x").save(gan)
            }
        }
    }

    /// After the run has finished by itself, the state is still there: a snapshot request is
    /// answered with a file of the last step.
    @Test func snapshotAfterTheEndIsWritten() throws {
        try BLASThreadPin.pinned(to: 1) {
            let folder = try Fixtures.temporaryFolder()
            // makeGAN's model has 16 fixed samples; the checkpoint's config must say so.
            let gan = try makeGAN(dataset: "ring", batch: 16, steps: 5) { $0.sampleCount = 16 }
            let trainer = Trainer(step: gan, checkpointWriter: CheckpointFolder(path: folder, run: "late").save)
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            defer { subscription.cancel() }
            trainer.start()
            try #require(log.waitFor(state: .finished), "the run did not finish")
            trainer.requestSnapshot()
            let answered = log.waitFor { [.checkpointSaved, .warning].contains($0.kind) }
            trainer.stop()
            waitForEnd(of: trainer)
            try #require(answered, "no answer to a snapshot request after the end")
            #expect(log.warnings.isEmpty)
            let snapshots = log.all.compactMap { if case .checkpointSaved(let path, let step) = $0 { (path, step) } else { nil } }
            let snapshot = try #require(snapshots.first)
            #expect(snapshot.1 == 5)
            #expect(try CheckpointInfo.load(path: snapshot.0).step == 5)
        }
    }

    /// A text-only subscriber (as headless mode has) gets no pictures, and none are made:
    /// drawing the samples runs G on `sampleCount` rows and the decision surface runs D on
    /// 64 × 32 points, which would grow the networks' buffers beyond the training batch.
    @Test func picturesAreMadeOnlyForSubscribers() throws {
        func run(taking kinds: Set<TrainerEvent.Kind>) throws -> (log: EventLog, gan: GANStep) {
            // A batch of 8 against 16 fixed samples: only drawing them needs 16 rows in G.
            let trainer = Trainer(step: try makeGAN(dataset: "ring", batch: 8, steps: 20), publishInterval: 0)
            let log = EventLog()
            let subscription = trainer.events.subscribe(to: kinds, log.append)
            defer { subscription.cancel() }
            trainer.start()
            waitForEnd(of: trainer)
            return (log, try #require(trainer.takeFinishedStep() as? GANStep))
        }
        try BLASThreadPin.pinned(to: 1) {
            let headless = try run(taking: TrainerEvent.Kind.text)
            #expect(headless.log.steps.count == 20)
            #expect(headless.log.all.allSatisfy { !TrainerEvent.Kind.pictures.contains($0.kind) })
            #expect(headless.gan.model.generator.capacity == 8)
            #expect(headless.gan.model.discriminator.capacity == 16)

            let viewer = try run(taking: TrainerEvent.Kind.text.union([.samples]))
            #expect(viewer.log.all.contains { $0.kind == .samples })
            #expect(!viewer.log.all.contains { $0.kind == .decisionSurface })
            #expect(viewer.gan.model.generator.capacity == 16)
            #expect(viewer.gan.model.discriminator.capacity == 16)
        }
    }
}
