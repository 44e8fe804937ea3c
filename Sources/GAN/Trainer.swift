import Datasets
import Dispatch
import Foundation
import NeuralNet
import Observer

/// Runs training on its own serial queue and publishes what happens through `events`.
///
/// Commands (pause, resume, stop, snapshot) are flags under a condition lock that the loop reads
/// between steps; a paused trainer sleeps on the condition, using no CPU. Publishing never waits
/// for observers: they only fill mailboxes.
public final class Trainer: @unchecked Sendable {
    public let events = Subject<TrainerEvent>()
    public let gan: GANStep
    /// Writes a checkpoint and returns its path; called on the training queue between steps.
    public typealias CheckpointWriter = @Sendable (GANStep) throws -> String
    /// Measures learning metrics; called on the training queue between steps. Returns nil when
    /// it cannot measure yet (e.g. its classifier is still training in the background).
    public typealias Evaluator = @Sendable (GANStep) -> EvaluationReport?

    private let queue = DispatchQueue(label: "ganscope.trainer", qos: .userInitiated)
    private let control = NSCondition()
    private let finished = DispatchGroup()
    private var pauseRequested = false      // guarded by control
    private var stopRequested = false       // guarded by control
    private var snapshotRequested = false   // guarded by control
    private let checkpointWriter: CheckpointWriter?
    private let checkpointEvery: Int?
    private let evaluator: Evaluator?
    private let evaluateEvery: Int?
    private let publishInterval: Double
    private let startStep: Int

    /// - Parameters:
    ///   - publishInterval: seconds between sample/generator/verdict events (steps go out every step).
    public init(gan: GANStep, checkpointWriter: CheckpointWriter? = nil, checkpointEvery: Int? = nil,
                evaluator: Evaluator? = nil, evaluateEvery: Int? = nil, publishInterval: Double = 0.25) {
        self.gan = gan
        self.checkpointWriter = checkpointWriter
        self.checkpointEvery = checkpointEvery
        self.evaluator = evaluator
        self.evaluateEvery = evaluateEvery
        self.publishInterval = publishInterval
        startStep = gan.stepCount
    }

    /// Starts the loop on the training queue; returns at once.
    public func start(paused: Bool = false) {
        control.lock()
        pauseRequested = paused
        control.unlock()
        finished.enter()
        queue.async { [self] in
            run()
            finished.leave()
        }
    }

    /// Blocks until the loop has ended.
    public func waitUntilFinished() { finished.wait() }

    public func pause() { setFlag { $0.pauseRequested = true } }
    public func resume() { setFlag { $0.pauseRequested = false } }
    public func togglePause() { setFlag { $0.pauseRequested.toggle() } }
    /// Asks the loop to end after the current step.
    public func stop() { setFlag { $0.stopRequested = true } }
    /// Asks for a checkpoint after the current step (works while paused too).
    public func requestSnapshot() { setFlag { $0.snapshotRequested = true } }

    public var canSnapshot: Bool { checkpointWriter != nil }

    private func setFlag(_ change: (Trainer) -> Void) {
        control.lock()
        change(self)
        control.signal()
        control.unlock()
    }

    private func run() {
        BLAS.threads = gan.config.threads
        publishStart()
        events.send(.state(.running))
        var throughput = ThroughputMeter()
        var lastPublish = -Double.infinity
        var finalState = TrainerState.finished
        loop: while true {
            switch waitForCommands(throughput: &throughput) {
            case .stop:
                finalState = .stopped
                break loop
            case .proceed: break
            }
            if let limit = gan.config.steps, gan.stepCount >= limit { break }
            let result = gan.step()
            throughput.record(step: gan.stepCount)
            if !result.isFinite {
                finalState = .diverged(divergenceMessage(result))
                break
            }
            events.send(.step(StepMetrics(step: gan.stepCount, epoch: gan.epoch, result: result,
                                          stepsPerSecond: throughput.stepsPerSecond,
                                          elapsed: throughput.elapsed)))
            if let every = checkpointEvery, gan.stepCount % every == 0 { writeCheckpoint() }
            if let evaluator, let every = evaluateEvery, gan.stepCount % every == 0,
               let report = evaluator(gan) {
                events.send(.evaluation(report))
            }
            if throughput.elapsed - lastPublish >= publishInterval {
                publishImages()
                lastPublish = throughput.elapsed
            }
        }
        publishImages()
        events.send(.state(finalState))
    }

    private enum Command { case proceed, stop }

    /// Handles snapshot and pause requests; sleeps while paused.
    private func waitForCommands(throughput: inout ThroughputMeter) -> Command {
        control.lock()
        defer { control.unlock() }
        var announcedPause = false
        while true {
            if snapshotRequested {
                snapshotRequested = false
                control.unlock()
                writeCheckpoint()
                control.lock()
                continue
            }
            if stopRequested { return .stop }
            guard pauseRequested else { break }
            if !announcedPause {
                announcedPause = true
                throughput.pause()
                control.unlock()
                publishImages()
                events.send(.state(.paused))
                control.lock()
                continue
            }
            control.wait()
        }
        if announcedPause {
            throughput.resume()
            events.send(.state(.running))
        }
        return .proceed
    }

    private func writeCheckpoint() {
        guard let checkpointWriter else {
            events.send(.warning("snapshots need a checkpoint folder (not configured for this run)"))
            return
        }
        do {
            let path = try checkpointWriter(gan)
            events.send(.checkpointSaved(path: path, step: gan.stepCount))
        } catch {
            events.send(.warning("snapshot failed: \(error)"))
        }
    }

    private func publishStart() {
        let model = gan.model
        events.send(.started(TrainingInfo(
            config: gan.config, datasetName: gan.dataset.name, datasetCount: gan.dataset.count,
            shape: gan.dataset.shape, architecture: model.architecture,
            generatorParameters: model.generator.parameterCount,
            discriminatorParameters: model.discriminator.parameterCount, startStep: startStep)))
        publishImages()
    }

    private func publishImages() {
        let step = gan.stepCount
        let shape = gan.dataset.shape
        events.send(.samples(SampleImages(step: step, shape: shape, count: gan.model.sampleCount,
                                          values: gan.model.generateFixedSamples())))
        events.send(.generator(GeneratorSnapshot(step: step, weights: MLPWeights(of: gan.model.generator),
                                                 shape: shape)))
        if !gan.lastRealScores.isEmpty {
            events.send(.verdicts(Verdicts(step: step, real: gan.lastRealScores, fake: gan.lastFakeScores)))
        }
        if case .points = shape, let bounds = gan.dataset.pointBounds {
            events.send(.decisionSurface(DecisionSurface(
                step: step, discriminator: gan.model.discriminator, xRange: bounds.x, yRange: bounds.y,
                columns: 64, rows: 32)))
        }
    }

    private func divergenceMessage(_ result: StepResult) -> String {
        "loss became non-finite at step \(gan.stepCount) (D loss \(result.discriminatorLoss), "
            + "G loss \(result.generatorLoss)); try a lower learning rate"
    }
}
