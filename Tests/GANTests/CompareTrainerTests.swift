import Foundation
import Observer
import Synchronization
import TestSupport
import Testing
@testable import GAN

/// One trainer driving several runs in turn (`ganscope compare`): a GAN and a VAE on `ring`,
/// each with its own events, sharing the requests. Every wait is bounded.
@Suite struct CompareTrainerTests {
    /// A GAN and a VAE on the same data, `steps` each.
    private func runs(steps: Int?) throws -> [any TrainingStep] {
        // The fixture's model draws 16 fixed samples: the configuration must say so for a snapshot.
        let gan = try makeGAN(dataset: "ring", batch: 16, steps: steps) { $0.sampleCount = 16 }
        let vae = try AutoencoderFixtures.autoencoder(.vae, on: "ring", reconstruction: .mse, batch: 16) {
            config, _ in config.steps = steps
        }
        return [gan, vae]
    }

    /// Every run's events in one list, tagged with the run, in the order the trainer sent them.
    private final class TaggedLog: Sendable {
        let logs: [EventLog]
        private let order = Mutex<[(run: Int, step: Int)]>([])

        init(_ trainer: Trainer) {
            logs = trainer.runEvents.map { _ in EventLog() }
        }

        func subscribe(_ trainer: Trainer) -> [Subscription] {
            zip(trainer.runEvents.indices, logs).map { index, log in
                trainer.runEvents[index].subscribe { [self] event in
                    if case .step(let metrics) = event { order.withLock { $0.append((index, metrics.step)) } }
                    log.append(event)
                }
            }
        }

        var steps: [(run: Int, step: Int)] { order.withLock { $0 } }
    }

    @Test func runsTakeOneStepEachInTurnAndFinishTogether() throws {
        try BLASThreadPin.pinned(to: 1) {
            let trainer = Trainer(steps: try runs(steps: 12), publishInterval: 0)
            #expect(trainer.infos.map(\.family) == [.gan, .variationalAutoencoder])
            let log = TaggedLog(trainer)
            let subscriptions = log.subscribe(trainer)
            trainer.start()
            waitForEnd(of: trainer)
            subscriptions.forEach { $0.cancel() }
            let expected = (1...12).flatMap { step in [(0, step), (1, step)] }
            #expect(log.steps.map(\.run) == expected.map(\.0))
            #expect(log.steps.map(\.step) == expected.map(\.1))
            for run in log.logs {
                #expect(run.states.first == .running && run.states.last == .finished)
                #expect(run.all.contains { if case .samples = $0 { true } else { false } })
            }
            #expect(trainer.takeFinishedSteps().map(\.stepCount) == [12, 12])
        }
    }

    /// Paused, neither run steps; a snapshot request writes one file per run, each through its
    /// own writer; a stop ends both.
    @Test func pauseSnapshotAndStopApplyToEveryRun() throws {
        try BLASThreadPin.pinned(to: 1) {
            let folder = NSTemporaryDirectory() + "ganscope-compare-\(UInt64.random(in: 0 ... .max))"
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let writers: [Trainer.CheckpointWriter] = ["gan", "vae"].map {
                CheckpointFolder(path: folder, run: "ring-7-\($0)").save
            }
            let trainer = Trainer(steps: try runs(steps: nil), checkpointWriters: writers)
            let log = TaggedLog(trainer)
            let subscriptions = log.subscribe(trainer)
            defer { subscriptions.forEach { $0.cancel() } }
            trainer.start(paused: true)
            for run in log.logs { try #require(run.waitFor(state: .paused), "a run was not paused") }
            trainer.requestSnapshot()
            for run in log.logs {
                try #require(run.waitFor { if case .checkpointSaved = $0 { true } else { false } }, "no snapshot")
            }
            #expect(log.steps.isEmpty)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            #expect(files == ["ring-7-gan-000000.safetensors", "ring-7-vae-000000.safetensors"])
            trainer.resume()
            for run in log.logs {
                try #require(run.waitFor { if case .step = $0 { true } else { false } }, "a run did not step after resume")
            }
            trainer.stop()
            waitForEnd(of: trainer)
            #expect(log.logs.map { $0.states.last } == [.stopped, .stopped])
            let counts = trainer.takeFinishedSteps().map(\.stepCount)
            #expect(counts.count == 2 && abs(counts[0] - counts[1]) <= 1, "\(counts)")
        }
    }

    /// A run that diverges ends alone; the other trains on to its end.
    @Test func aDivergedRunEndsAloneAndTheOthersGoOn() throws {
        try BLASThreadPin.pinned(to: 1) {
            let exploding = try makeDivergingGAN(steps: 30)
            let vae = try AutoencoderFixtures.autoencoder(.vae, on: "ring", reconstruction: .mse, batch: 16) {
                config, _ in config.steps = 30
            }
            let trainer = Trainer(steps: [exploding, vae])
            let log = TaggedLog(trainer)
            let subscriptions = log.subscribe(trainer)
            trainer.start()
            waitForEnd(of: trainer)
            subscriptions.forEach { $0.cancel() }
            guard case .diverged = log.logs[0].states.last else {
                Issue.record("the GAN did not diverge: \(log.logs[0].states)")
                return
            }
            #expect(log.logs[1].states.last == .finished)
            #expect(trainer.takeFinishedSteps()[1].stepCount == 30)
        }
    }
}
