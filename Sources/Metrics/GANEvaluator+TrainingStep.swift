import GAN

extension GANEvaluator {
    /// Evaluates whatever model `step` trains, as the trainer's evaluator hook does; nil for a
    /// model this evaluator cannot draw samples from.
    public func evaluate(_ step: any TrainingStep) -> EvaluationReport? {
        switch step {
        case let gan as GANStep: evaluate(gan)
        case let autoencoder as AutoencoderStep: evaluate(autoencoder)
        default: nil
        }
    }

    /// Evaluates an autoencoder as a generator: its decoder on fresh draws from the prior N(0, I),
    /// as many and from the same random stream as G's at the same step, so the figures (FCD,
    /// classes covered, mode coverage) compare across models. It has no discriminator, so D's AUC
    /// is left out; the probe and the spectral detector judge its samples as they judge G's.
    public func evaluate(_ autoencoder: AutoencoderStep) -> EvaluationReport {
        // A clone in evaluation mode, as for G: the training networks' buffers stay untouched.
        let decoder = autoencoder.model.decoder.clone()
        decoder.isTraining = false
        return evaluate(generator: decoder, discriminator: nil, step: autoencoder.stepCount,
                        toDataSpace: autoencoder.model.toDataSpace)
    }
}
