import Datasets
import Foundation
import GAN

/// One `ganscope compare` run, set up from its options: the data set, loaded once and shared;
/// a new model per `--models` entry, each with every option given and the same seed; a snapshot
/// folder run per model (`<run>-<model>`, e.g. `digits-0-vae`); one evaluator for all (they
/// run in turn on the trainer's queue); and the one trainer that drives them in turn.
final class CompareSession {
    let trainer: Trainer
    let metrics: MetricsSetup?
    /// The models' names as `--models` gave them, in order.
    let names: [String]
    private let folders: [CheckpointFolder]
    private let saveOnExit: Bool

    init(models: ComparedModels, training: TrainingOptions, checkpoints: CheckpointOptions, headless: Bool) throws {
        let options = models.choices.map(training.choosing)
        let configs = options.map { $0.config(defaultSteps: headless ? 3000 : nil) }
        let config = configs[0]
        try training.checkImageOptions(for: config.dataset)
        let folder = TrainingOptions.folderOptions(imageSize: training.imageSize, channels: training.channels,
                                                   cacheFolder: checkpoints.checkpointDir)
        let dataset = try DatasetCatalog.load(config.dataset, seed: config.seed, folder: folder)
        var steps: [any TrainingStep] = []
        for (option, config) in zip(options, configs) {
            if let autoencoder = option.autoencoderOptions(for: dataset.shape) {
                steps.append(try AutoencoderStep.freshFromOptions(config: config, options: autoencoder, dataset: dataset))
            } else {
                steps.append(try GANStep.fresh(config: config, dataset: dataset))
            }
        }
        names = models.choices.map(ComparedModels.name)
        let base = checkpoints.runName ?? "\(config.dataset)-\(config.seed)"
        folders = names.map {
            CheckpointFolder(path: checkpoints.checkpointDir, run: CheckpointFolder.runName(from: "\(base)-\($0)"),
                             keepLast: checkpoints.keepLast)
        }
        metrics = MetricsSetup(dataset: dataset, config: config, every: training.evalEvery,
                               checkpointFolder: checkpoints.checkpointDir)
        // The trainer owns the models from here until the runs have ended.
        trainer = Trainer(steps: steps, checkpointWriters: folders.map { $0.save },
                          checkpointEvery: checkpoints.checkpointEvery, evaluator: metrics?.evaluator(),
                          evaluateEvery: metrics?.every)
        saveOnExit = checkpoints.saveOnExit
    }

    /// Runs `frontEnd` (which starts the trainer and returns once it has ended) with the JSON
    /// log at `logFile` (every line with its `model`), then saves each model's final snapshot
    /// if asked to.
    func run(logFile: String?, logEvery: Int, frontEnd: (Trainer) throws -> RunOutcome) throws -> RunOutcome {
        let logger = try logFile.map { try JSONLinesLogger(path: $0, every: logEvery) }
        let subscriptions = logger.map { logger in
            zip(trainer.runEvents, names).map { events, name in
                events.subscribe(to: JSONLinesLogger.kinds) { logger.handle($0, model: name) }
            }
        } ?? []
        defer {
            subscriptions.forEach { $0.cancel() }
            logger?.close()
        }
        let outcome = try frontEnd(trainer)
        let finished = trainer.takeFinishedSteps()
        if outcome != .diverged, saveOnExit {
            for (step, folder) in zip(finished, folders) { try TrainingSession.saveFinalSnapshot(of: step, in: folder) }
        }
        return outcome
    }
}
