import GAN

extension AppState {
    mutating func handle(_ event: TrainerEvent) -> [Effect] {
        switch event {
        case .started(let info):
            self.info = info
            shape = info.shape
        case .step(let metrics):
            latest = metrics
            history.append(metrics)
        case .verdicts(let verdicts):
            self.verdicts = verdicts
        case .samples(let samples):
            self.samples = samples
            shape = samples.shape
        case .generator(let snapshot):
            shape = snapshot.shape
            explorer.generatorArrived(step: snapshot.step, latentDimension: snapshot.weights.sizes.first ?? 0)
            return [.loadGenerator(snapshot.weights)] + explorerRequest()
        case .decisionSurface(let surface):
            self.surface = surface
        case .evaluation(let report):
            evaluations.append(report)
            if evaluations.count > Self.evaluationHistoryLimit { evaluations.removeFirst() }
        case .state(let newState):
            announce(newState)
            trainerState = newState
        case .checkpointSaved(let path, let step):
            lastSnapshot = (path, step)
            post("snapshot saved: \(path) (step \(step))")
        case .warning(let text):
            post(text, level: .warning)
        }
        return []
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
