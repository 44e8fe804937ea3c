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
///
/// One trainer can drive several runs side by side (``init(steps:checkpointWriters:checkpointEvery:evaluator:evaluateEvery:publishInterval:samplesEvery:)``,
/// `ganscope compare`): one step of each in turn on the same queue, so they share the threads
/// and none gets ahead. Each run has its own events (``runEvents``); the requests (pause, stop,
/// snapshot) apply to all of them, and a snapshot writes one file per run.
public final class Trainer: Sendable {
    /// The first run's events: the only run's, for a trainer of one run.
    public var events: Subject<TrainerEvent> { runEvents[0] }
    /// Each run's events, in the order the steps were given.
    public let runEvents: [Subject<TrainerEvent>]
    /// What the first run is (also sent as `.started`); a value, readable from any thread.
    public var info: TrainingInfo { infos[0] }
    /// What each run is, in the order the steps were given.
    public let infos: [TrainingInfo]
    /// The training data; a value, readable from any thread.
    public let dataset: Dataset
    /// Whether snapshots can be written (a checkpoint writer was given).
    public let canSnapshot: Bool

    /// Writes a checkpoint and returns its path; called on the training queue between steps.
    public typealias CheckpointWriter = (any TrainingStep) throws -> String
    /// Measures learning metrics; called on the training queue between steps, for every run.
    /// Returns nil when it cannot measure yet (e.g. its classifier is still being prepared in
    /// the background).
    public typealias Evaluator = (any TrainingStep) -> EvaluationReport?

    /// An iteration still running this long after a stop request is abandoned (see
    /// `TrainingStep.runStep(abandoningIf:)`); shorter ones finish, so their state can still be saved.
    static let abandonAfterSeconds = 0.25

    /// One run the loop drives: its state, where its snapshots go, where its events go, and
    /// what the loop keeps about it. Owned by the training queue.
    private final class Lane {
        let step: any TrainingStep
        let checkpointWriter: CheckpointWriter?
        let events: Subject<TrainerEvent>
        /// 2-D GAN runs: the fixed inputs of the D* view and the gradient arrows sent with D's surface.
        let theoryProbe: TheoryProbe?
        /// Autoencoders: the fixed real rows of the reconstruction strip and the latent map.
        let autoencoderProbe: AutoencoderProbe?
        var throughput = ThroughputMeter()
        var lastPublish = -Double.infinity
        /// Set when this run has ended by itself (finished or diverged) while others go on.
        var finalState: TrainerState?

        init(step: any TrainingStep, checkpointWriter: CheckpointWriter?, events: Subject<TrainerEvent>) {
            self.step = step
            self.checkpointWriter = checkpointWriter
            self.events = events
            theoryProbe = (step as? GANStep).flatMap {
                TheoryProbe(dataset: $0.dataset, latentDimension: $0.model.latentDimension, seed: $0.config.seed)
            }
            autoencoderProbe = (step as? AutoencoderStep).map {
                AutoencoderProbe(dataset: $0.dataset, latentDimension: $0.model.latentDimension, seed: $0.config.seed)
            }
        }
    }

    /// What the training queue owns during a run.
    private struct Session {
        let lanes: [Lane]
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
    private let finishedSteps = Handoff<[any TrainingStep]>()
    private let checkpointEvery: Int?
    private let evaluateEvery: Int?
    private let publishInterval: Double
    private let samplesEvery: Int?

    /// - Parameters:
    ///   - step: the state to train; the trainer owns it until ``takeFinishedStep()``.
    ///   - publishInterval: seconds between pictures (steps go out every step).
    ///   - samplesEvery: also sends `.samples` at every multiple of this step, for logs that
    ///     record the grid at exact steps (`--tensorboard`); only while someone takes them.
    public convenience init(step: sending any TrainingStep, checkpointWriter: sending CheckpointWriter? = nil,
                            checkpointEvery: Int? = nil, evaluator: sending Evaluator? = nil, evaluateEvery: Int? = nil,
                            publishInterval: Double = 0.25, samplesEvery: Int? = nil) {
        self.init(steps: [step], checkpointWriters: checkpointWriter.map { [$0] }, checkpointEvery: checkpointEvery,
                  evaluator: evaluator, evaluateEvery: evaluateEvery, publishInterval: publishInterval,
                  samplesEvery: samplesEvery)
    }

    /// Several runs side by side, trained one step of each in turn (see the type's notes).
    /// - Parameters:
    ///   - steps: at least one, trained in this order each round; ``dataset`` is the first's.
    ///   - checkpointWriters: one per step, in the same order (each run's snapshots have their
    ///     own names), or nil for no snapshots.
    ///   - evaluator: measures each run in turn, on the training queue.
    public init(steps: sending [any TrainingStep], checkpointWriters: sending [CheckpointWriter]? = nil,
                checkpointEvery: Int? = nil, evaluator: sending Evaluator? = nil, evaluateEvery: Int? = nil,
                publishInterval: Double = 0.25, samplesEvery: Int? = nil) {
        precondition(!steps.isEmpty, "a trainer needs a training step")
        precondition(checkpointWriters.map { $0.count == steps.count } ?? true, "one checkpoint writer per step")
        infos = steps.map(\.trainingInfo)
        dataset = steps[0].dataset
        canSnapshot = checkpointWriters != nil
        self.checkpointEvery = checkpointEvery
        self.evaluateEvery = evaluateEvery
        self.publishInterval = publishInterval
        self.samplesEvery = samplesEvery
        let runEvents = steps.map { _ in Subject<TrainerEvent>() }
        self.runEvents = runEvents
        let lanes = steps.indices.map {
            Lane(step: steps[$0], checkpointWriter: checkpointWriters?[$0], events: runEvents[$0])
        }
        session = Handoff(Session(lanes: lanes, evaluator: evaluator))
    }

    /// Starts the loop on the training queue; returns at once. A trainer runs once.
    public func start(paused: Bool = false) {
        request { $0.pause = paused }
        finished.enter()
        queue.async { [self] in
            if let session = session.take() {
                run(session)
                finishedSteps.put(session.lanes.map(\.step))
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
    /// A trainer of several runs hands back the first run's state here (see ``takeFinishedSteps()``).
    public func takeFinishedStep() -> sending any TrainingStep {
        takeFinishedSteps()[0]
    }

    /// Every run's training state, in the order given; otherwise as ``takeFinishedStep()``.
    public func takeFinishedSteps() -> sending [any TrainingStep] {
        waitUntilFinished()
        // A trainer that never started hands its state back untouched.
        if let steps = finishedSteps.take() ?? session.take()?.lanes.map(\.step) { return steps }
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
        let lanes = session.lanes
        BLAS.threads = lanes[0].step.config.threads
        for (lane, info) in zip(lanes, infos) {
            lane.throughput = ThroughputMeter()  // training time counts from here
            lane.events.send(.started(info))
            publishPictures(of: lane)
            lane.events.send(.state(.running))
        }
        var stopped = false
        loop: while true {
            switch serveRequests(session) {
            case .stop:
                stopped = true
                break loop
            case .diverged(let lane, let reason):
                end(lane, .diverged(reason))
            case .proceed: break
            }
            // One step of each run still going, in turn.
            for lane in lanes where lane.finalState == nil {
                guard advance(lane, evaluator: session.evaluator) else {
                    stopped = true
                    break loop
                }
            }
            if lanes.allSatisfy({ $0.finalState != nil }) { break }
        }
        for lane in lanes where lane.finalState == nil { end(lane, .stopped) }
        if !stopped { serveSnapshotsAfterEnd(session) }
    }

    /// One step of `lane`'s run, or its end if it has reached its step limit or diverged;
    /// false if a stop request abandoned the step.
    private func advance(_ lane: Lane, evaluator: Evaluator?) -> Bool {
        let step = lane.step
        if let limit = step.config.steps, step.stepCount >= limit {
            end(lane, .finished)
            return true
        }
        let started = ContinuousClock.now
        let abandonAfter = Duration.seconds(Self.abandonAfterSeconds)
        guard let losses = step.runStep(abandoningIf: {
            stopRequested && ContinuousClock.now - started >= abandonAfter
        }) else { return false }
        lane.throughput.record(step: step.stepCount)
        if !losses.isFinite {
            end(lane, .diverged(divergenceMessage(losses, step: step.stepCount)))
            return true
        }
        lane.events.send(.step(metrics(of: step, losses: losses, throughput: lane.throughput)))
        if let every = checkpointEvery, step.stepCount % every == 0 { writeCheckpoint(lane) }
        if let evaluator, let every = evaluateEvery, step.stepCount % every == 0, let report = evaluator(step) {
            lane.events.send(.evaluation(report))
        }
        if let every = samplesEvery, step.stepCount % every == 0 { publishSamples(of: lane) }
        if lane.throughput.elapsed - lane.lastPublish >= publishInterval {
            publishPictures(of: lane)
            lane.lastPublish = lane.throughput.elapsed
        }
        return true
    }

    /// The end of one run: its last pictures and its final state.
    private func end(_ lane: Lane, _ state: TrainerState) {
        lane.finalState = state
        publishPictures(of: lane)
        lane.events.send(.state(state))
    }

    private enum Command { case proceed, stop, diverged(Lane, String) }

    /// Between steps: applies commands, writes requested snapshots, and sleeps while paused.
    private func serveRequests(_ session: Session) -> Command {
        let lanes = session.lanes.filter { $0.finalState == nil }
        var announcedPause = false
        while true {
            let now = takeRequests()
            if !now.commands.isEmpty {
                for lane in lanes {
                    if let reason = perform(now.commands, on: lane) { return .diverged(lane, reason) }
                }
            }
            if now.snapshot {
                for lane in lanes {
                    completePreparedUpdate(of: lane)
                    writeCheckpoint(lane)
                }
                continue
            }
            if !now.commands.isEmpty { continue }
            if now.stop {
                lanes.forEach(completePreparedUpdate)  // so that the states can be saved
                return .stop
            }
            guard now.pause else { break }
            if !announcedPause {
                announcedPause = true
                for lane in lanes {
                    lane.throughput.pause()
                    publishPictures(of: lane)
                    lane.events.send(.state(.paused))
                }
                continue
            }
            wakeUp.wait()
        }
        // Training goes on: first a whole number of updates again.
        lanes.forEach(completePreparedUpdate)
        if announcedPause {
            for lane in lanes {
                lane.throughput.resume()
                lane.events.send(.state(.running))
            }
        }
        return .proceed
    }

    /// Applies `commands` in order to `lane`'s run, announcing each; after updates by hand,
    /// sends the step and the pictures, so every panel shows them at once. Returns why training
    /// diverged, if it did. Commands are the GAN's: another model ignores them (its dashboard
    /// sends none).
    private func perform(_ commands: [TrainerCommand], on lane: Lane) -> String? {
        guard let gan = lane.step as? GANStep else { return nil }
        var updated = false
        for command in commands {
            for record in gan.perform(command) { lane.events.send(.control(record)) }
            guard case .update(let update) = command, let result = gan.lastResult else { continue }
            updated = true
            var metrics = metrics(of: gan, losses: .adversarial(result), throughput: lane.throughput)
            metrics.manual = update
            if !result.isFinite { return divergenceMessage(.adversarial(result), step: gan.stepCount) }
            lane.events.send(.step(metrics))
        }
        if updated { publishPictures(of: lane) }
        return nil
    }

    /// Slow motion's prepared half of a D update (GAN only), applied so the state is whole again.
    private func completePreparedUpdate(of lane: Lane) {
        if let record = (lane.step as? GANStep)?.completePreparedUpdate() { lane.events.send(.control(record)) }
    }

    private func metrics(of step: any TrainingStep, losses: StepLosses, throughput: ThroughputMeter) -> StepMetrics {
        StepMetrics(step: step.stepCount, epoch: step.epoch, losses: losses, stepsPerSecond: throughput.stepsPerSecond,
                    elapsed: throughput.elapsed, discriminatorUpdates: (step as? GANStep)?.discriminatorUpdates ?? 0)
    }

    /// After runs that ended by themselves: the states are still in memory, so snapshot requests
    /// are answered until someone stops the trainer or waits for its end.
    private func serveSnapshotsAfterEnd(_ session: Session) {
        while true {
            let now = takeRequests()
            if now.snapshot {
                for lane in session.lanes {
                    if case .diverged = lane.finalState {
                        lane.events.send(.warning("no snapshot: training diverged, so the weights are not finite"))
                    } else {
                        writeCheckpoint(lane)
                    }
                }
                continue
            }
            if now.stop || now.awaited { return }
            wakeUp.wait()
        }
    }

    private func writeCheckpoint(_ lane: Lane) {
        guard let checkpointWriter = lane.checkpointWriter else {
            lane.events.send(.warning("snapshots need a checkpoint folder (not configured for this run)"))
            return
        }
        do {
            let path = try checkpointWriter(lane.step)
            lane.events.send(.checkpointSaved(path: path, step: lane.step.stepCount))
        } catch {
            lane.events.send(.warning("snapshot failed: \(error)"))
        }
    }

    /// Sends the pictures some subscriber takes; the others are not made at all.
    private func publishPictures(of lane: Lane) {
        let training = lane.step, events = lane.events
        let step = training.stepCount
        let shape = training.dataset.shape
        publishSamples(of: lane)
        if events.wants(.generator), let weights = training.explorerWeights() {
            events.send(.generator(GeneratorSnapshot(step: step, weights: weights, shape: shape)))
        }
        if let autoencoder = training as? AutoencoderStep, let probe = lane.autoencoderProbe {
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
            surface.theory = lane.theoryProbe?.theory(model: gan.model, surface: surface)
            events.send(.decisionSurface(surface))
        }
    }

    private func publishSamples(of lane: Lane) {
        let step = lane.step
        guard lane.events.wants(.samples) else { return }
        let values = step.fixedSamples()
        lane.events.send(.samples(SampleImages(step: step.stepCount, shape: step.dataset.shape,
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
