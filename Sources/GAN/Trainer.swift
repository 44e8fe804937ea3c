import Datasets
import Dispatch
import NeuralNet
import Observer
import Synchronization

/// Runs training on its own serial queue and publishes what happens through `events`.
///
/// It drives any ``TrainingStep`` (the GAN's or the autoencoders'); what only the GAN can do
/// (commands, slow motion's prepared half update, D's verdicts and decision surface) it asks the
/// step for as a `GANStep`.
///
/// Who owns what, checked by the compiler: the training step and the hooks (checkpoint writer,
/// evaluator) are not `Sendable`; `init` takes them as `sending`, the training queue owns them
/// from `start()` on, and ``takeFinishedStep()`` hands the step back once the loop has ended.
/// Other threads see only values: ``info``, ``dataset`` and the events.
///
/// Requests (pause, resume, stop, snapshot) are flags under a `Mutex` that the loop reads between
/// steps, and `stop` also between the updates of a long step; a paused trainer sleeps on a
/// semaphore, using no CPU. Commands (updates by hand, new settings: ``send(_:)``) wait in the
/// same lock, in order, and are applied between iterations, running or paused. No event is sent while that lock is held, and publishing never waits
/// for observers: they only fill mailboxes. Pictures are made only for kinds some subscriber takes.
///
/// A run that ends by itself (finished, diverged) keeps its state in memory and still answers
/// snapshot requests, until ``stop()`` or a wait for the end (``waitUntilFinished()``).
public final class Trainer: Sendable {
    public let events = Subject<TrainerEvent>()
    /// What the run is (also sent as `.started`); a value, readable from any thread.
    public let info: TrainingInfo
    /// The training data; a value, readable from any thread.
    public let dataset: Dataset
    /// Whether snapshots can be written (a checkpoint writer was given).
    public let canSnapshot: Bool

    /// Writes a checkpoint and returns its path; called on the training queue between steps.
    public typealias CheckpointWriter = (any TrainingStep) throws -> String
    /// Measures learning metrics; called on the training queue between steps. Returns nil when
    /// it cannot measure yet (e.g. its classifier is still being prepared in the background).
    public typealias Evaluator = (any TrainingStep) -> EvaluationReport?

    /// An iteration still running this long after a stop request is abandoned (see
    /// `TrainingStep.runStep(abandoningIf:)`); shorter ones finish, so their state can still be saved.
    static let abandonAfterSeconds = 0.25

    /// What the training queue owns during a run.
    private struct Session {
        let step: any TrainingStep
        let checkpointWriter: CheckpointWriter?
        let evaluator: Evaluator?
    }

    /// What other threads ask of the loop.
    private struct Requests {
        var pause = false
        var stop = false
        var snapshot = false
        /// Updates by hand and new settings, oldest first.
        var commands: [TrainerCommand] = []
        /// Someone waits for the end: a run that ends by itself need not stay for snapshots.
        var awaited = false
    }

    private let queue = DispatchQueue(label: "ganscope.trainer", qos: .userInitiated)
    private let requests = Mutex(Requests())
    /// Signalled after every request, so a sleeping loop looks at the flags again.
    private let wakeUp = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()
    private let session: Handoff<Session>
    private let finishedStep = Handoff<any TrainingStep>()
    private let checkpointEvery: Int?
    private let evaluateEvery: Int?
    private let publishInterval: Double
    private let samplesEvery: Int?
    /// 2-D runs: the fixed inputs of the D* view and the gradient arrows sent with D's surface.
    private let theoryProbe: TheoryProbe?
    /// Autoencoders: the fixed real rows of the reconstruction strip and the latent map.
    private let autoencoderProbe: AutoencoderProbe?

    /// - Parameters:
    ///   - step: the state to train; the trainer owns it until ``takeFinishedStep()``.
    ///   - publishInterval: seconds between pictures (steps go out every step).
    ///   - samplesEvery: also sends `.samples` at every multiple of this step, for logs that
    ///     record the grid at exact steps (`--tensorboard`); only while someone takes them.
    public init(step: sending any TrainingStep, checkpointWriter: sending CheckpointWriter? = nil, checkpointEvery: Int? = nil,
                evaluator: sending Evaluator? = nil, evaluateEvery: Int? = nil, publishInterval: Double = 0.25,
                samplesEvery: Int? = nil) {
        info = step.trainingInfo
        dataset = step.dataset
        canSnapshot = checkpointWriter != nil
        self.checkpointEvery = checkpointEvery
        self.evaluateEvery = evaluateEvery
        self.publishInterval = publishInterval
        self.samplesEvery = samplesEvery
        theoryProbe = (step as? GANStep).flatMap {
            TheoryProbe(dataset: $0.dataset, latentDimension: $0.model.latentDimension, seed: $0.config.seed)
        }
        autoencoderProbe = (step as? AutoencoderStep).map {
            AutoencoderProbe(dataset: $0.dataset, latentDimension: $0.model.latentDimension, seed: $0.config.seed)
        }
        session = Handoff(Session(step: step, checkpointWriter: checkpointWriter, evaluator: evaluator))
    }

    /// Starts the loop on the training queue; returns at once. A trainer runs once.
    public func start(paused: Bool = false) {
        request { $0.pause = paused }
        finished.enter()
        queue.async { [self] in
            if let session = session.take() {
                run(session)
                finishedStep.put(session.step)
            }
            finished.leave()
        }
    }

    /// Blocks until the loop has ended. A run that ends by itself ends the loop at once from now
    /// on, rather than staying to answer snapshot requests.
    public func waitUntilFinished() {
        request { $0.awaited = true }
        finished.wait()
    }

    /// Waits for the loop to end (see ``waitUntilFinished()``) and hands the training state back:
    /// from then on the caller owns it, and the trainer never touches it again. Call it once.
    public func takeFinishedStep() -> sending any TrainingStep {
        waitUntilFinished()
        // A trainer that never started hands its state back untouched.
        if let step = finishedStep.take() ?? session.take()?.step { return step }
        preconditionFailure("the trainer's training step was already handed back")
    }

    public func pause() { request { $0.pause = true } }
    public func resume() { request { $0.pause = false } }
    public func togglePause() { request { $0.pause.toggle() } }
    /// Asks the loop to end after the current step (or within the current step if it is long).
    public func stop() { request { $0.stop = true } }
    /// Asks for a checkpoint between steps; answered while paused and after the run has ended too.
    public func requestSnapshot() { request { $0.snapshot = true } }
    /// Queues an update by hand or a new setting; applied between iterations, in the order sent,
    /// each answered with a `.control` event (and an update with a `.step`). Ignored once the
    /// run has ended.
    public func send(_ command: TrainerCommand) { request { $0.commands.append(command) } }

    private func request(_ change: (inout Requests) -> Void) {
        requests.withLock { change(&$0) }
        wakeUp.signal()
    }

    private var stopRequested: Bool { requests.withLock { $0.stop } }

    /// The current requests, clearing the snapshot request and the commands (each is answered once).
    private func takeRequests() -> Requests {
        requests.withLock { requests in
            defer {
                requests.snapshot = false
                requests.commands = []
            }
            return requests
        }
    }

    private func run(_ session: Session) {
        let step = session.step
        BLAS.threads = step.config.threads
        events.send(.started(info))
        publishPictures(of: step)
        events.send(.state(.running))
        var throughput = ThroughputMeter()
        var lastPublish = -Double.infinity
        var finalState = TrainerState.finished
        loop: while true {
            switch serveRequests(session, throughput: &throughput) {
            case .stop:
                finalState = .stopped
                break loop
            case .diverged(let reason):
                finalState = .diverged(reason)
                break loop
            case .proceed: break
            }
            if let limit = step.config.steps, step.stepCount >= limit { break }
            let started = ContinuousClock.now
            let abandonAfter = Duration.seconds(Self.abandonAfterSeconds)
            guard let losses = step.runStep(abandoningIf: {
                stopRequested && ContinuousClock.now - started >= abandonAfter
            }) else {
                finalState = .stopped
                break
            }
            throughput.record(step: step.stepCount)
            if !losses.isFinite {
                finalState = .diverged(divergenceMessage(losses, step: step.stepCount))
                break
            }
            events.send(.step(metrics(of: step, losses: losses, throughput: throughput)))
            if let every = checkpointEvery, step.stepCount % every == 0 { writeCheckpoint(session) }
            if let evaluator = session.evaluator, let every = evaluateEvery, step.stepCount % every == 0,
               let report = evaluator(step) {
                events.send(.evaluation(report))
            }
            if let every = samplesEvery, step.stepCount % every == 0 { publishSamples(of: step) }
            if throughput.elapsed - lastPublish >= publishInterval {
                publishPictures(of: step)
                lastPublish = throughput.elapsed
            }
        }
        publishPictures(of: step)
        events.send(.state(finalState))
        if finalState != .stopped { serveSnapshotsAfterEnd(session, finalState: finalState) }
    }

    private enum Command { case proceed, stop, diverged(String) }

    /// Between steps: applies commands, writes requested snapshots, and sleeps while paused.
    private func serveRequests(_ session: Session, throughput: inout ThroughputMeter) -> Command {
        var announcedPause = false
        while true {
            let now = takeRequests()
            if !now.commands.isEmpty {
                if let reason = perform(now.commands, on: session.step, throughput: throughput) {
                    return .diverged(reason)
                }
            }
            if now.snapshot {
                completePreparedUpdate(of: session.step)
                writeCheckpoint(session)
                continue
            }
            if !now.commands.isEmpty { continue }
            if now.stop {
                completePreparedUpdate(of: session.step)  // so that the state can be saved
                return .stop
            }
            guard now.pause else { break }
            if !announcedPause {
                announcedPause = true
                throughput.pause()
                publishPictures(of: session.step)
                events.send(.state(.paused))
                continue
            }
            wakeUp.wait()
        }
        // Training goes on: first a whole number of updates again.
        completePreparedUpdate(of: session.step)
        if announcedPause {
            throughput.resume()
            events.send(.state(.running))
        }
        return .proceed
    }

    /// Applies `commands` in order, announcing each; after updates by hand, sends the step and
    /// the pictures, so every panel shows them at once. Returns why training diverged, if it did.
    /// Commands are the GAN's: another model ignores them (its dashboard sends none).
    private func perform(_ commands: [TrainerCommand], on step: any TrainingStep, throughput: ThroughputMeter) -> String? {
        guard let gan = step as? GANStep else { return nil }
        var updated = false
        for command in commands {
            for record in gan.perform(command) { events.send(.control(record)) }
            guard case .update(let update) = command, let result = gan.lastResult else { continue }
            updated = true
            var metrics = metrics(of: gan, losses: .adversarial(result), throughput: throughput)
            metrics.manual = update
            if !result.isFinite { return divergenceMessage(.adversarial(result), step: gan.stepCount) }
            events.send(.step(metrics))
        }
        if updated { publishPictures(of: gan) }
        return nil
    }

    /// Slow motion's prepared half of a D update (GAN only), applied so the state is whole again.
    private func completePreparedUpdate(of step: any TrainingStep) {
        if let record = (step as? GANStep)?.completePreparedUpdate() { events.send(.control(record)) }
    }

    private func metrics(of step: any TrainingStep, losses: StepLosses, throughput: ThroughputMeter) -> StepMetrics {
        StepMetrics(step: step.stepCount, epoch: step.epoch, losses: losses, stepsPerSecond: throughput.stepsPerSecond,
                    elapsed: throughput.elapsed, discriminatorUpdates: (step as? GANStep)?.discriminatorUpdates ?? 0)
    }

    /// After a run that ended by itself: the state is still in memory, so snapshot requests are
    /// answered until someone stops the trainer or waits for its end.
    private func serveSnapshotsAfterEnd(_ session: Session, finalState: TrainerState) {
        while true {
            let now = takeRequests()
            if now.snapshot {
                if case .diverged = finalState {
                    events.send(.warning("no snapshot: training diverged, so the weights are not finite"))
                } else {
                    writeCheckpoint(session)
                }
                continue
            }
            if now.stop || now.awaited { return }
            wakeUp.wait()
        }
    }

    private func writeCheckpoint(_ session: Session) {
        guard let checkpointWriter = session.checkpointWriter else {
            events.send(.warning("snapshots need a checkpoint folder (not configured for this run)"))
            return
        }
        do {
            let path = try checkpointWriter(session.step)
            events.send(.checkpointSaved(path: path, step: session.step.stepCount))
        } catch {
            events.send(.warning("snapshot failed: \(error)"))
        }
    }

    /// Sends the pictures some subscriber takes; the others are not made at all.
    private func publishPictures(of training: any TrainingStep) {
        let step = training.stepCount
        let shape = training.dataset.shape
        publishSamples(of: training)
        if events.wants(.generator), let weights = training.explorerWeights() {
            events.send(.generator(GeneratorSnapshot(step: step, weights: weights, shape: shape)))
        }
        if let autoencoder = training as? AutoencoderStep, let probe = autoencoderProbe {
            if events.wants(.reconstructions) {
                events.send(.reconstructions(probe.reconstructions(by: autoencoder.model, step: step)))
            }
            if events.wants(.encodedPoints), let points = probe.encodedPoints(by: autoencoder.model, step: step) {
                events.send(.encodedPoints(points))
            }
        }
        guard let gan = training as? GANStep else { return }
        if !gan.lastRealScores.isEmpty, events.wants(.verdicts) {
            events.send(.verdicts(Verdicts(step: step, real: gan.lastRealScores, fake: gan.lastFakeScores)))
        }
        if case .points = shape, let bounds = gan.dataset.pointBounds, events.wants(.decisionSurface) {
            var surface = DecisionSurface(step: step, discriminator: gan.model.discriminator, xRange: bounds.x,
                                          yRange: bounds.y, columns: 64, rows: 32)
            surface.theory = theoryProbe?.theory(model: gan.model, surface: surface)
            events.send(.decisionSurface(surface))
        }
    }

    private func publishSamples(of step: any TrainingStep) {
        guard events.wants(.samples) else { return }
        let values = step.fixedSamples()
        events.send(.samples(SampleImages(step: step.stepCount, shape: step.dataset.shape,
                                          count: values.count / max(step.dataset.featureCount, 1), values: values)))
    }

    private func divergenceMessage(_ losses: StepLosses, step: Int) -> String {
        let figures = switch losses {
        case .adversarial(let result): "D loss \(result.discriminatorLoss), G loss \(result.generatorLoss)"
        case .autoencoder(let terms): "reconstruction \(terms.reconstruction)" + (terms.kl.map { ", KL \($0)" } ?? "")
        }
        return "loss became non-finite at step \(step) (\(figures)); try a lower learning rate"
    }
}
