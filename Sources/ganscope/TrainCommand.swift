import ArgumentParser
import Datasets
import Dispatch
import Foundation
import GAN
import NeuralNet

/// `ganscope train`: the dashboard, or with --headless a plain command-line run.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a GAN: live dashboard by default, --headless for a terminal or a pipe.")

    @OptionGroup var training: TrainingOptions
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
        let config = training.config(defaultSteps: headless ? 3000 : nil)
        let gan = try Self.makeGAN(config: config)
        let trainer = Trainer(gan: gan)
        if headless {
            try runHeadless(trainer)
        } else {
            try DashboardLauncher.train(trainer, display: display)
        }
    }

    /// Loads the data set and builds fresh networks for `config`.
    static func makeGAN(config: TrainingConfig) throws -> GANStep {
        let dataset = try DatasetCatalog.load(config.dataset, seed: config.seed)
        let architecture = ModelArchitecture(for: dataset.shape, featureCount: dataset.featureCount,
                                             latentDimension: config.latentDimension)
        let model = GANModel(architecture: architecture, seed: config.seed, sampleCount: config.sampleCount)
        return GANStep(model: model, config: config, dataset: dataset)
    }

    private func runHeadless(_ trainer: Trainer) throws {
        let reporter = HeadlessReporter(totalSteps: trainer.gan.config.steps, isTerminal: isatty(STDERR_FILENO) == 1)
        let finalState = FinalState()
        var subscriptions = [
            trainer.events.subscribe(reporter.handle),
            trainer.events.subscribe { if case .state(let state) = $0 { finalState.record(state) } },
        ]
        let logger = try logFile.map { try JSONLinesLogger(path: $0, every: logEvery) }
        if let logger { subscriptions.append(trainer.events.subscribe(logger.handle)) }

        // Ctrl-C and SIGTERM stop training between steps, so the run ends cleanly.
        let interrupts = StopOnSignals { trainer.stop() }
        trainer.start()
        trainer.waitUntilFinished()
        interrupts.cancel()
        logger?.close()
        subscriptions.forEach { $0.cancel() }

        if let dumpSamples {
            let gan = trainer.gan
            let samples = gan.model.generateFixedSamples()
            let width = gan.dataset.featureCount
            let images = (0..<gan.model.sampleCount).map { Array(samples[$0 * width..<($0 + 1) * width]) }
            try SampleImageFile.write(images: images, shape: gan.dataset.shape, to: dumpSamples)
            print("ganscope: wrote \(images.count) samples to \(dumpSamples)")
        }
        if case .diverged = finalState.state { throw ExitCode(2) }
    }
}

/// The trainer's last state, recorded from its events.
final class FinalState: @unchecked Sendable {
    private let lock = NSLock()
    private var value: TrainerState = .running
    func record(_ state: TrainerState) { lock.withLock { value = state } }
    var state: TrainerState { lock.withLock { value } }
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
