import Datasets
import Dispatch
import GAN
import NeuralNet
import Randomness
import TestSupport
import Testing
@testable import Metrics

/// Pausing the run pauses the classifier's background training: it stops before its next
/// minibatch, without using CPU, and goes on after resume. Waits are bounded (`BoundedWait`).
@Suite struct PauseGateTests {
    @Test func followsTheTrainersState() {
        let gate = PauseGate()
        #expect(!gate.isPaused)
        gate.follow(.paused)
        #expect(gate.isPaused)
        gate.follow(.running)
        #expect(!gate.isPaused)
        gate.follow(.paused)
        gate.follow(.stopped)
        #expect(!gate.isPaused)
    }

    @Test func anOpenGateLetsWorkThrough() {
        let gate = PauseGate(onHold: { Issue.record("an open gate held the worker") })
        gate.pause()
        gate.resume()
        #expect(gate.pass())
    }

    @Test func pausedClassifierTrainingWaitsThenFinishes() throws {
        let run = try HeldRun()
        #expect(run.finished.wait(timeout: .now()) == .timedOut)
        #expect(NetworkWeights(of: run.worker.classifier.network) == run.before)

        run.gate.resume()
        #expect(run.finished.wait(timeout: .now() + BoundedWait.seconds) == .success)
        #expect(NetworkWeights(of: run.worker.classifier.network) != run.before)
        #expect(run.worker.completed == true)
    }

    /// Quitting closes the gate: a held worker is let go at once and gives up, untrained.
    @Test func closingReleasesAHeldWorkerAndEndsTheWork() throws {
        let run = try HeldRun()
        run.gate.close()
        #expect(run.finished.wait(timeout: .now() + BoundedWait.seconds) == .success)
        #expect(run.worker.completed == false)
        #expect(NetworkWeights(of: run.worker.classifier.network) == run.before)
        #expect(!run.gate.pass())
    }
}

/// A classifier training off the test's thread behind a paused gate, started and already held
/// there (the gate reports holding it from inside the wait, before the first minibatch).
private struct HeldRun {
    let gate: PauseGate
    let worker: TrainingWorker
    let before: NetworkWeights
    /// Signalled when the training call has returned.
    let finished = DispatchSemaphore(value: 0)

    init() throws {
        try BLAS.load()
        var rng = SeededRNG(seed: 3)
        let data = try DatasetCatalog.load("digits", seed: 3, count: 64)
        let classifier = ImageClassifier(inputs: data.featureCount, classes: 10, rng: &rng)
        before = NetworkWeights(of: classifier.network)
        let held = DispatchSemaphore(value: 0)
        gate = PauseGate(onHold: { held.signal() })
        gate.pause()
        worker = TrainingWorker(classifier: classifier, data: data)
        DispatchQueue.global().async { [worker, gate, finished] in
            worker.train(gate: gate)
            finished.signal()
        }
        #expect(held.wait(timeout: .now() + BoundedWait.seconds) == .success, "the gate never held the worker")
    }
}

/// Trains a classifier off the test's thread (the network is only touched by one thread at a
/// time, and `completed` is read only after the worker has signalled its end).
private final class TrainingWorker: @unchecked Sendable {
    let classifier: ImageClassifier
    let data: Dataset
    private(set) var completed: Bool?

    init(classifier: ImageClassifier, data: Dataset) {
        self.classifier = classifier
        self.data = data
    }

    func train(gate: PauseGate) {
        var rng = SeededRNG(seed: 4)
        completed = classifier.train(on: data, settings: ClassifierTraining(steps: 5, batchSize: 8), rng: &rng, gate: gate)
    }
}
