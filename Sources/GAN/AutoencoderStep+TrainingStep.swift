import NeuralNet

extension AutoencoderStep: TrainingStep {
    /// Always: an update is one indivisible piece of work, so there is no part-way state.
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

    /// One update; the abandon check is never asked, since there is nothing to stop between.
    public func runStep(abandoningIf _: () -> Bool) -> StepLosses? {
        let result = step()
        return .autoencoder(AutoencoderLosses(reconstruction: result.reconstruction,
                                              kl: options.kind == .vae ? result.kl : nil))
    }

    public func fixedSamples() -> [Float] { model.priorSamples() }

    /// The decoder, ending in data space as the pictures are: with BCE its outputs are logits,
    /// shown as 2σ(logit) − 1 = tanh(logit / 2), so the last layer's weights and bias are halved
    /// (exact in floating point) and a tanh appended. The explorer then needs no autoencoder code.
    public func explorerWeights() -> NetworkWeights? {
        var weights = NetworkWeights(of: model.decoder)
        guard model.reconstruction == .bce else { return weights }
        guard let outputLayer = weights.layers.lastIndex(where: \.hasParameters), weights.tensors.count >= 2,
              !weights.layers[outputLayer...].contains(where: { if case .activation = $0 { true } else { false } })
        else { return nil }  // not the logits this assumes: no explorer rather than a wrong one
        for index in weights.tensors.indices.suffix(2) {
            weights.tensors[index] = weights.tensors[index].map { $0 / 2 }
        }
        weights.layers.append(.activation(.tanh))
        return weights
    }

    public func snapshot(run: String) throws(CheckpointError) -> any TrainingSnapshot {
        AutoencoderCheckpoint(of: self, run: run)
    }
}

extension AutoencoderCheckpoint: TrainingSnapshot {
    /// One update a step and no changes by hand: the step says it all.
    public var progress: SnapshotProgress { SnapshotProgress(step: info.step, updates: info.step, changes: 0) }
}
