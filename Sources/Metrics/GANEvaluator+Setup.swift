import Datasets
import GAN

extension GANEvaluator {
    /// An evaluator for the data set `step` (a GAN or an autoencoder) trains on, with the defaults
    /// for its shape: loads the held-out split and, for labelled images, the cached classifier (training it the first time).
    ///
    /// - Parameters:
    ///   - cache: where the classifier is kept (the run's checkpoint folder).
    ///   - gate: passed between the classifier's training minibatches, so pausing pauses it.
    ///   - note: hears progress worth telling the user (classifier training, cache problems).
    public static func make(for step: any TrainingStep, settings: EvaluationSettings? = nil, cache: ClassifierCache,
                            gate: PauseGate? = nil, note: (String) -> Void) throws(DatasetError) -> GANEvaluator {
        try make(training: step.dataset, config: step.config, settings: settings, cache: cache, gate: gate, note: note)
    }

    /// The same from the run's values alone, so it can be built on another thread than the one
    /// that owns the step.
    public static func make(training: Dataset, config: TrainingConfig, settings: EvaluationSettings? = nil,
                            cache: ClassifierCache, gate: PauseGate? = nil,
                            note: (String) -> Void) throws(DatasetError) -> GANEvaluator {
        let settings = settings ?? .defaults(for: training.shape)
        let heldOutCount = settings.heldOutCount(for: training.shape)
        // A picture folder has no held-out part: its own images are the reference, as loaded.
        let heldOut = try DatasetSpec(parsing: config.dataset).hasHeldOutSplit
            ? DatasetCatalog.load(config.dataset, seed: config.seed, split: .test, count: heldOutCount)
            : training.subset(0..<min(heldOutCount, training.count))
        var classifier: ImageClassifier?
        if case .image = training.shape {
            classifier = cache.classifier(for: training, training: settings.classifier, seed: config.seed,
                                          gate: gate, note: note)
            if let classifier, heldOut.labels != nil {
                note(String(format: "classifier accuracy on held-out images: %.1f%%", 100 * classifier.accuracy(on: heldOut)))
            }
        }
        return GANEvaluator(training: training, heldOut: heldOut, seed: config.seed, settings: settings,
                            classifier: classifier)
    }
}
