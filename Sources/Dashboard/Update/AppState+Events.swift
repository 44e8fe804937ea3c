import GAN
import NeuralNet

extension AppState {
    mutating func handle(_ event: TrainerEvent) -> [Effect] {
        switch event {
        case .started(let info):
            self.info = info
            model = info.family
            shape = info.shape
            settings = info.config
        case .step(let metrics):
            latest = metrics
            // The charts have one point a step: a D update by hand, which leaves the step
            // where it was, shows in the status line and the pictures only.
            if metrics.step != history.lastStep { history.append(metrics) }
        case .verdicts(let verdicts):
            self.verdicts = verdicts
            pictureHistory.record(verdicts)
        case .samples(let samples):
            self.samples = samples
            pictureHistory.record(samples)
            shape = samples.shape
        case .generator(let snapshot):
            shape = snapshot.shape
            return generatorArrived(snapshot.weights, step: snapshot.step)
        case .decisionSurface(let surface):
            self.surface = surface
            pictureHistory.record(surface)
        case .evaluation(let report):
            evaluations.append(report)
            if evaluations.count > Self.evaluationHistoryLimit { evaluations.removeFirst() }
        case .state(let newState):
            if newState != .paused { slowMotion = nil }  // resumed or ended: slow motion is over
            announce(newState)
            trainerState = newState
        case .checkpointSaved(let path, let step):
            lastSnapshot = (path, step)
            post("snapshot saved: \(path) (step \(step))")
        case .warning(let text):
            post(text, level: .warning, lifetime: Notice.warningLifetime)
        case .notice(let text):
            post(text)
        case .control(let record):
            controlApplied(record)
        case .reconstructions(let pairs):
            reconstructions = pairs
            pictureHistory.record(pairs)
        case .encodedPoints(let points):
            encodedPoints = points
        }
        return []
    }

    /// New weights for the explorer: the runtime loads them and redraws the current point.
    mutating func generatorArrived(_ weights: NetworkWeights, step: Int, source: String? = nil) -> [Effect] {
        explorer.generatorArrived(step: step, latentDimension: weights.inputSize, source: source)
        return [.loadGenerator(weights)] + explorerRequest() + (latentView == .decodedGrid ? latentGridRequest() : [])
    }

    private mutating func announce(_ newState: TrainerState) {
        guard newState != trainerState else { return }
        switch newState {
        case .running, .paused: break
        case .finished: post("training finished: press q to leave, the explorer still works", lifetime: 30)
        case .stopped: post("training stopped")
        case .diverged(let reason): post("diverged: \(reason)", level: .error, lifetime: 60)
        }
    }
}
