import NeuralNet

extension GANStep: TrainingStep {
    public var isBetweenSteps: Bool { !isMidStep && !hasPreparedDiscriminatorUpdate }

    public var trainingInfo: TrainingInfo {
        TrainingInfo(config: config, datasetName: dataset.name, datasetCount: dataset.count, shape: dataset.shape,
                     family: .gan, modelSummary: model.architecture.summary, startStep: stepCount,
                     fixedNoise: model.fixedNoise.array)
    }

    public func runStep(abandoningIf shouldAbandon: () -> Bool) -> StepLosses? {
        step(abandoningIf: shouldAbandon).map(StepLosses.adversarial)
    }

    public func fixedSamples() -> [Float] { model.generateFixedSamples() }

    public func explorerWeights() -> NetworkWeights? { NetworkWeights(of: model.generator) }

    public func snapshot(run: String) throws(CheckpointError) -> any TrainingSnapshot {
        guard isBetweenSteps else { throw .midStep(step: stepCount) }
        return Checkpoint(of: self, run: run)
    }
}

extension Checkpoint: TrainingSnapshot {
    public var progress: SnapshotProgress {
        SnapshotProgress(step: info.step, updates: info.discriminatorUpdates, changes: info.controlHistory.count)
    }
}
