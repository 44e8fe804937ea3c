import Datasets
import Foundation
import GAN

/// One `ganscope train` run, set up from its options: the model (a GAN or an autoencoder, new or
/// resumed), the snapshot
/// folder, the metrics and the trainer. It also keeps what every run leaves behind, whichever
/// front end (dashboard or headless) shows it: the JSON log, the sample grid and the snapshot
/// on exit.
final class TrainingSession {
    let trainer: Trainer
    let metrics: MetricsSetup?
    /// What loading the data warned about (files of a `folder:` set skipped, an unusable
    /// cache): printed before the dashboard opens, so the dashboard shows them again.
    let loadingWarnings: [String]
    private let folder: CheckpointFolder
    private let saveOnExit: Bool

    /// Loads the data and builds the networks; throws a usage error, before anything is
    /// written, when the options ask for more than the limits allow.
    init(training: TrainingOptions, checkpoints: CheckpointOptions, headless: Bool, samplesEvery: Int? = nil) throws {
        let step: any TrainingStep
        var savedRun: String?
        let report = DecodeProgress.standardError()
        if let path = checkpoints.resume {
            (step, savedRun) = try Self.resume(from: path, training: training, cacheFolder: checkpoints.checkpointDir,
                                               report: report, headless: headless)
        } else {
            let config = training.config(defaultSteps: headless ? 3000 : nil)
            try training.checkImageOptions(for: config.dataset)
            try training.checkModelOptions()
            let folder = TrainingOptions.folderOptions(imageSize: training.imageSize, channels: training.channels,
                                                       cacheFolder: checkpoints.checkpointDir, report: report)
            let dataset = try DatasetCatalog.load(config.dataset, seed: config.seed, folder: folder)
            if let options = training.autoencoderOptions(for: dataset.shape) {
                step = try AutoencoderStep.freshFromOptions(config: config, options: options, dataset: dataset)
            } else {
                step = try GANStep.fresh(config: config, dataset: dataset)
            }
        }
        let run = checkpoints.runName.map(CheckpointFolder.runName) ?? savedRun
            ?? CheckpointFolder.runName(from: "\(step.config.dataset)-\(step.config.seed)")
        let folder = CheckpointFolder(path: checkpoints.checkpointDir, run: run, keepLast: checkpoints.keepLast)
        let metrics = MetricsSetup(dataset: step.dataset, config: step.config, every: training.evalEvery,
                                   checkpointFolder: checkpoints.checkpointDir)
        // The trainer owns the training state from here until the run has ended.
        trainer = Trainer(step: step, checkpointWriter: folder.save, checkpointEvery: checkpoints.checkpointEvery,
                          evaluator: metrics?.evaluator(), evaluateEvery: metrics?.every, samplesEvery: samplesEvery)
        self.folder = folder
        self.metrics = metrics
        loadingWarnings = report.warnings
        saveOnExit = checkpoints.saveOnExit
    }

    /// Runs `frontEnd` (which starts the trainer and returns once it has ended) with the JSON log
    /// at `logFile` recording every `logEvery`-th step and each evaluation, and the TensorBoard
    /// log in `tensorboard` if given; then saves the final snapshot if asked to and writes the
    /// fixed-noise samples to `dumpSamples`. The same record whichever front end runs.
    ///
    /// The snapshot comes first, as the run's progress matters more than a picture of it, and
    /// each is attempted whatever became of the other: a bad `--dump-samples` path costs no
    /// snapshot, and a failed snapshot is not hidden behind the samples. Every failure is
    /// reported, the earlier ones on standard error, the last one thrown.
    func run(logFile: String?, logEvery: Int, tensorboard: TensorBoardOptions? = nil, dumpSamples: String?,
             frontEnd: (Trainer) throws -> RunOutcome) throws -> RunOutcome {
        let logger = try logFile.map { try JSONLinesLogger(path: $0, every: logEvery) }
        let board = try tensorboard?.folder.map {
            try TensorBoardLogger(folder: $0, logEvery: logEvery, imageEvery: tensorboard?.imageEvery ?? 500,
                                  run: folder.run, trainingSeed: trainer.info.config.seed)
        }
        // Text kinds only: a log asks the trainer for no pictures (TensorBoard's takes the grid).
        let subscriptions = [
            logger.map { trainer.events.subscribe(to: JSONLinesLogger.kinds, $0.handle) },
            board.map { trainer.events.subscribe(to: TensorBoardLogger.kinds, $0.handle) },
        ].compactMap { $0 }
        defer {
            subscriptions.forEach { $0.cancel() }
            logger?.close()
            board?.close()
        }
        let outcome = try frontEnd(trainer)
        let finished = trainer.takeFinishedStep()
        var failures: [any Error] = []
        // A diverged run's weights hold NaNs: not worth a snapshot. Stopped or finished ones are.
        if outcome != .diverged {
            do { if saveOnExit { try Self.saveFinalSnapshot(of: finished, in: folder) } } catch { failures.append(error) }
        }
        if let dumpSamples {
            do { try Self.writeSamples(of: finished, run: folder.run, to: dumpSamples) } catch { failures.append(error) }
        }
        if let last = failures.last {
            for earlier in failures.dropLast() {
                FileHandle.standardError.write(Data("ganscope: \(earlier)\n".utf8))
            }
            throw last
        }
        return outcome
    }

    /// `--save-on-exit`: a final snapshot in `folder`, unless `--checkpoint-every` has just
    /// written this step.
    static func saveFinalSnapshot(of step: any TrainingStep, in folder: CheckpointFolder) throws {
        do {
            if let path = try folder.saveIfChanged(step) {
                print("ganscope: saved step \(step.stepCount) to \(path)")
            }
        } catch {
            // Stopped inside a long step: not a failure of the run, so it keeps its exit status.
            guard case .midStep = error else { throw error }
            FileHandle.standardError.write(Data("ganscope: \(error)\n".utf8))
        }
    }

    /// `--dump-samples`: the fixed-noise samples as an image grid.
    private static func writeSamples(of step: any TrainingStep, run: String, to path: String) throws {
        let samples = step.fixedSamples()
        let width = step.dataset.featureCount
        let images = (0..<samples.count / width).map { Array(samples[$0 * width..<($0 + 1) * width]) }
        try SampleImageFile.write(images: images, shape: step.dataset.shape, to: path,
                                  provenance: ImageMarking.duringTraining(run: run, step: step.stepCount,
                                                                          trainingSeed: step.config.seed))
        print("ganscope: wrote \(images.count) samples to \(path)")
    }

    /// Rebuilds the run saved in `path`, a GAN's or an autoencoder's: its configuration, with
    /// only `--steps` (the total to reach) and `--threads` taken from the command line. Also
    /// returns the saved run's name.
    private static func resume(from path: String, training: TrainingOptions, cacheFolder: String,
                               report: DecodeProgress, headless: Bool) throws -> (any TrainingStep, String?) {
        // `resuming` loads a folder set at the snapshot's size and channels; given ones must agree.
        let folder = TrainingOptions.folderOptions(imageSize: nil, channels: nil, cacheFolder: cacheFolder,
                                                   report: report)
        /// Applies what may change and refuses what contradicts the snapshot.
        func adjust(_ config: inout TrainingConfig, step: Int, shape: DataShape,
                    autoencoder: AutoencoderOptions?) throws {
            try training.checkImageOptions(for: config.dataset)
            let conflicts = training.conflicts(with: config, autoencoder: autoencoder)
                + training.imageConflicts(with: shape)
            guard conflicts.isEmpty else {
                throw CLIError("\(path): options conflict with the checkpoint: \(conflicts.joined(separator: ", ")); "
                    + "omit them when resuming (only --steps and --threads may change)")
            }
            config.threads = training.threads ?? config.threads
            config.steps = training.steps ?? (headless ? config.steps : nil)
            if let target = config.steps, target <= step {
                throw CLIError("\(path): the run is already at step \(step) (target \(target)); "
                    + "pass --steps with a larger total to train further")
            }
        }
        let (step, run) = try SavedTrainingStep.load(path: path, folder: folder, adjust: adjust)
        return (step, run)
    }
}
