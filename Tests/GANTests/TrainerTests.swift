import Foundation
import Observer
import Testing
@testable import GAN

@Suite struct TrainerTests {
    @Test func runsToTheEndAndPublishes() throws {
        let trainer = Trainer(gan: try makeGAN(dataset: "ring", batch: 16, steps: 50), publishInterval: 0)
        let log = EventLog()
        let subscription = trainer.events.subscribe(log.append)
        trainer.start()
        trainer.waitUntilFinished()
        subscription.cancel()
        #expect(log.steps.map(\.step) == Array(1...50))
        #expect(log.states.first == .running && log.states.last == .finished)
        #expect(log.all.contains { if case .samples(let s) = $0 { s.count == 16 } else { false } })
        #expect(log.all.contains { if case .decisionSurface(let d) = $0 { d.values.count == 64 * 32 } else { false } })
        #expect(log.all.contains { if case .started(let info) = $0 { info.datasetName == "ring" } else { false } })
    }

    @Test func pausesWithoutSteppingAndResumes() throws {
        let trainer = Trainer(gan: try makeGAN(dataset: "ring", batch: 16, steps: 200_000))
        let log = EventLog()
        let subscription = trainer.events.subscribe(log.append)
        trainer.start(paused: true)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(log.steps.isEmpty)
        #expect(log.states.contains(.paused))
        trainer.resume()
        Thread.sleep(forTimeInterval: 0.2)
        trainer.stop()
        trainer.waitUntilFinished()
        subscription.cancel()
        #expect(!log.steps.isEmpty)
        #expect(log.states.last == .stopped)
    }

    @Test func stopWhilePausedEnds() throws {
        let trainer = Trainer(gan: try makeGAN(dataset: "ring", batch: 16))
        trainer.start(paused: true)
        trainer.stop()
        trainer.waitUntilFinished()
        #expect(trainer.gan.stepCount == 0)
    }

    @Test func nonFiniteLossStopsAsDiverged() throws {
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
        trainer.waitUntilFinished()
        subscription.cancel()
        guard case .diverged(let reason) = log.states.last else {
            Issue.record("expected diverged, got \(String(describing: log.states.last))")
            return
        }
        #expect(reason.contains("non-finite"))
        #expect(log.steps.allSatisfy { $0.result.isFinite })
        #expect(gan.stepCount < 5_000)
    }

    @Test func snapshotWithoutWriterWarns() throws {
        let trainer = Trainer(gan: try makeGAN(dataset: "ring", batch: 16, steps: 10))
        let log = EventLog()
        let subscription = trainer.events.subscribe(log.append)
        trainer.requestSnapshot()
        trainer.start()
        trainer.waitUntilFinished()
        subscription.cancel()
        #expect(log.all.contains { if case .warning(let text) = $0 { text.contains("snapshot") } else { false } })
    }
}
