import NeuralNet

extension AutoencoderStep: TrainingStep {
    /// Always: an abandoned update is undone, so there is no part-way state.
    public var isBetweenSteps: Bool { true }

    public var trainingInfo: TrainingInfo {
        let networks = ModelArchitecture(latentDimension: model.latentDimension, generator: model.architecture.decoder,
                                         discriminator: model.architecture.encoder)
        return TrainingInfo(config: config, datasetName: dataset.name, datasetCount: dataset.count, shape: dataset.shape,
                            family: family, modelSummary: "\(options.kind.rawValue) "
                                + networks.summary(naming: ("decoder", "encoder")),
                            startStep: stepCount, fixedNoise: model.fixedNoise.array)
    }

    /// The autoencoder or the VAE, as the trainer's observers name them.
    public var family: ModelFamily {
        switch options.kind {
        case .ae: .autoencoder
        case .vae: .variationalAutoencoder
        }
    }

    /// One update, asking `shouldAbandon` between its passes; an abandoned one is undone.
    public func runStep(abandoningIf shouldAbandon: () -> Bool) -> StepLosses? {
        step(abandoningIf: shouldAbandon).map { .autoencoder(AutoencoderLosses($0, kind: options.kind)) }
    }

    public func fixedSamples() -> [Float] { model.priorSamples() }

    /// The decoder in data space (see ``NetworkWeights/decoderInDataSpace(reconstruction:)``).
    public func explorerWeights() -> NetworkWeights? {
        NetworkWeights(of: model.decoder).decoderInDataSpace(reconstruction: model.reconstruction)
    }

    public func snapshot(run: String) throws(CheckpointError) -> any TrainingSnapshot {
        AutoencoderCheckpoint(of: self, run: run)
    }
}

extension AutoencoderCheckpoint: TrainingSnapshot {
    /// One update a step and no changes by hand: the step says it all.
    public var progress: SnapshotProgress { SnapshotProgress(step: info.step, updates: info.step, changes: 0) }
}
