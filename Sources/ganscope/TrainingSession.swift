import Foundation
import GAN

/// One `ganscope train` run, set up from its options: the GAN (new or resumed), the snapshot
/// folder, the metrics and the trainer. It also keeps what every run leaves behind, whichever
/// front end (dashboard or headless) shows it: the JSON log and the snapshot on exit.
final class TrainingSession {
    let trainer: Trainer
    let metrics: MetricsSetup?
    private let folder: CheckpointFolder
    private let saveOnExit: Bool

    /// Loads the data and builds the networks; throws a usage error, before anything is
    /// written, when the options ask for more than the limits allow.
    init(training: TrainingOptions, checkpoints: CheckpointOptions, headless: Bool) throws {
        let (gan, savedRun) = try checkpoints.resume.map { try Self.resume(from: $0, training: training, headless: headless) }
            ?? (GANStep.fresh(config: training.config(defaultSteps: headless ? 3000 : nil)), nil)
        let run = checkpoints.runName.map(CheckpointFolder.runName) ?? savedRun
            ?? CheckpointFolder.runName(from: "\(gan.config.dataset)-\(gan.config.seed)")
        folder = CheckpointFolder(path: checkpoints.checkpointDir, run: run, keepLast: checkpoints.keepLast)
        metrics = MetricsSetup(gan: gan, every: training.evalEvery, checkpointFolder: checkpoints.checkpointDir)
        trainer = Trainer(gan: gan, checkpointWriter: folder.save, checkpointEvery: checkpoints.checkpointEvery,
                          evaluator: metrics?.evaluate, evaluateEvery: metrics?.every)
        saveOnExit = checkpoints.saveOnExit
    }

    /// Runs `frontEnd` (which starts the trainer and returns once it has ended) with the JSON log
    /// at `logFile` recording every `logEvery`-th step and each evaluation, then saves the final
    /// snapshot if asked to. The same lines whichever front end runs.
    func run(logFile: String?, logEvery: Int, frontEnd: (Trainer) throws -> RunOutcome) throws -> RunOutcome {
        let logger = try logFile.map { try JSONLinesLogger(path: $0, every: logEvery) }
        let subscription = logger.map { trainer.events.subscribe($0.handle) }
        defer {
            subscription?.cancel()
            logger?.close()
        }
        let outcome = try frontEnd(trainer)
        // A diverged run's weights hold NaNs: not worth a snapshot. Stopped or finished ones are.
        if outcome != .diverged { try saveFinalSnapshot() }
        return outcome
    }

    /// `--save-on-exit`: a final snapshot, unless `--checkpoint-every` has just written this step.
    private func saveFinalSnapshot() throws {
        guard saveOnExit else { return }
        let gan = trainer.gan
        if let path = try folder.saveIfChanged(gan) {
            print("ganscope: saved step \(gan.stepCount) to \(path)")
        }
    }

    /// Rebuilds the run saved in `path`: its configuration, with only `--steps` (the total to
    /// reach) and `--threads` taken from the command line. Also returns the saved run's name.
    private static func resume(from path: String, training: TrainingOptions,
                               headless: Bool) throws -> (GANStep, String?) {
        let (gan, info) = try GANStep.resuming(path: path) { config, info in
            let conflicts = training.conflicts(with: config)
            guard conflicts.isEmpty else {
                throw CLIError("\(path): options conflict with the checkpoint: \(conflicts.joined(separator: ", ")); "
                    + "omit them when resuming (only --steps and --threads may change)")
            }
            config.threads = training.threads ?? config.threads
            config.steps = training.steps ?? (headless ? config.steps : nil)
            if let target = config.steps, target <= info.step {
                throw CLIError("\(path): the run is already at step \(info.step) (target \(target)); "
                    + "pass --steps with a larger total to train further")
            }
        }
        return (gan, info.run)
    }
}
