import ArgumentParser
import Datasets
import Dispatch
import Foundation
import GAN
import Metrics
import NeuralNet
import Synchronization

/// `ganscope train`: the dashboard, or with --headless a plain command-line run.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a GAN: live dashboard by default, --headless for a terminal or a pipe.")

    @OptionGroup var training: TrainingOptions
    @OptionGroup(title: "Snapshots") var checkpoints: CheckpointOptions
    @OptionGroup var display: DisplayOptions
    @Flag(help: "Train without the dashboard: progress bar on a terminal, plain lines when piped.")
    var headless = false
    @Option(name: .customLong("log-jsonl"), help: "Write one JSON object per logged step to FILE.")
    var logFile: String?
    @Option(help: "Steps between JSON log lines.")
    var logEvery = 10
    @Option(help: "At the end, write the fixed-noise samples as an image grid to FILE (.png or .pgm).")
    var dumpSamples: String?

    func validate() throws {
        guard logEvery > 0 else { throw ValidationError("--log-every must be positive") }
    }

    func run() throws {
        try BLAS.load()
        // Fail fast, before loading data, when the dashboard has no terminal to draw on.
        if !headless { try DashboardLauncher.requireTerminal() }
        let (gan, savedRun) = try checkpoints.resume.map(resumeGAN)
            ?? (Self.makeGAN(config: training.config(defaultSteps: headless ? 3000 : nil)), nil)
        let run = checkpoints.runName.map(CheckpointFolder.runName) ?? savedRun
            ?? CheckpointFolder.runName(from: "\(gan.config.dataset)-\(gan.config.seed)")
        let folder = CheckpointFolder(path: checkpoints.checkpointDir, run: run, keepLast: checkpoints.keepLast)
        let metrics = MetricsSetup(dataset: gan.dataset, config: gan.config, every: training.evalEvery)
        // The trainer owns the training state from here until the run has ended.
        let trainer = Trainer(gan: gan, checkpointWriter: folder.save, checkpointEvery: checkpoints.checkpointEvery,
                              evaluator: metrics?.evaluator(), evaluateEvery: metrics?.every)
        let outcome: Outcome
        if headless {
            // Prepared first, so every evaluation is in the log.
            try metrics?.prepare { print("ganscope: \($0)") }
            outcome = try runHeadless(trainer)
        } else {
            // Prepared in the background, so the dashboard appears at once.
            metrics?.prepareInBackground { trainer.events.send(.notice($0)) }
            outcome = try DashboardLauncher.train(trainer, display: display)
        }
        let finished = trainer.takeFinishedGAN()
        if headless, let dumpSamples { try Self.dumpSamples(of: finished, to: dumpSamples) }
        // A diverged run's weights hold NaNs: not worth a snapshot. Stopped or finished ones are.
        if outcome != .diverged { try saveOnExit(finished, to: folder) }
        if let code = outcome.exitCode { throw code }
    }

    /// Rebuilds the run saved in `path`: its configuration, with only `--steps` (the total to
    /// reach) and `--threads` taken from the command line. Also returns the saved run's name.
    private func resumeGAN(from path: String) throws -> (GANStep, String?) {
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

    /// `--save-on-exit`: a final snapshot, unless `--checkpoint-every` has just written this step.
    private func saveOnExit(_ gan: GANStep, to folder: CheckpointFolder) throws {
        guard checkpoints.saveOnExit else { return }
        do {
            if let path = try folder.saveIfChanged(gan) {
                print("ganscope: saved step \(gan.stepCount) to \(path)")
            }
        } catch {
            // Stopped inside a long step: not a failure of the run, so it keeps its exit status.
            guard case .midStep = error else { throw error }
            FileHandle.standardError.write(Data("ganscope: \(error)\n".utf8))
        }
    }

    /// `--dump-samples`: the fixed-noise samples as an image grid.
    private static func dumpSamples(of gan: GANStep, to path: String) throws {
        let samples = gan.model.generateFixedSamples()
        let width = gan.dataset.featureCount
        let images = (0..<gan.model.sampleCount).map { Array(samples[$0 * width..<($0 + 1) * width]) }
        try SampleImageFile.write(images: images, shape: gan.dataset.shape, to: path)
        print("ganscope: wrote \(images.count) samples to \(path)")
    }

    /// Loads the data set and builds fresh networks for `config`.
    static func makeGAN(config: TrainingConfig) throws -> GANStep {
        let dataset = try DatasetCatalog.load(config.dataset, seed: config.seed)
        let architecture = ModelArchitecture(for: dataset.shape, featureCount: dataset.featureCount,
                                             latentDimension: config.latentDimension)
        let model = GANModel(architecture: architecture, seed: config.seed, sampleCount: config.sampleCount)
        return GANStep(model: model, config: config, dataset: dataset)
    }

    /// How a headless run ended, for the exit status.
    enum Outcome: Equatable {
        case completed, diverged, interrupted

        var exitCode: ExitCode? {
            switch self {
            case .completed: nil
            case .diverged: ExitCode(2)
            case .interrupted: ExitCode(130)  // the shell's code for Ctrl-C
            }
        }
    }

    private func runHeadless(_ trainer: Trainer) throws -> Outcome {
        let reporter = HeadlessReporter(totalSteps: trainer.info.config.steps, isTerminal: isatty(STDERR_FILENO) == 1)
        let finalState = FinalState()
        // Text only: the trainer makes no pictures for a headless run.
        var subscriptions = [
            trainer.events.subscribe(to: TrainerEvent.Kind.text, reporter.handle),
            trainer.events.subscribe(to: [.state]) { if case .state(let state) = $0 { finalState.record(state) } },
        ]
        let logger = try logFile.map { try JSONLinesLogger(path: $0, every: logEvery) }
        if let logger { subscriptions.append(trainer.events.subscribe(to: [.step, .evaluation], logger.handle)) }

        // Ctrl-C and SIGTERM stop training between steps (or within a long one), so the run ends cleanly.
        let interrupted = FinalState()
        let interrupts = StopOnSignals {
            interrupted.record(.stopped)
            trainer.stop()
        }
        trainer.start()
        trainer.waitUntilFinished()
        interrupts.cancel()
        logger?.close()
        subscriptions.forEach { $0.cancel() }

        if case .diverged = finalState.state { return .diverged }
        return interrupted.state == .stopped ? .interrupted : .completed
    }
}

/// The trainer's last state, recorded from its events.
final class FinalState: Sendable {
    private let value = Mutex(TrainerState.running)
    func record(_ state: TrainerState) { value.withLock { $0 = state } }
    var state: TrainerState { value.withLock { $0 } }
}

/// Runs `action` on SIGINT or SIGTERM instead of dying, until cancelled.
final class StopOnSignals {
    private let sources: [DispatchSourceSignal]

    init(_ action: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: action)
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
