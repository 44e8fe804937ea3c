import Foundation
import GAN
import Synchronization

/// The headless front end: prepares the metrics first (so every evaluation is in the log),
/// shows progress on the terminal or as plain lines, stops cleanly on Ctrl-C or SIGTERM, and at
/// the end writes the fixed-noise samples if `--dump-samples` asks for them.
struct HeadlessRun {
    let trainer: Trainer
    let metrics: MetricsSetup?
    let dumpSamples: String?

    func run() throws -> RunOutcome {
        let reporter = HeadlessReporter(totalSteps: trainer.gan.config.steps, isTerminal: isatty(STDERR_FILENO) == 1)
        // Through the reporter, so the notes keep their place among its unbuffered lines.
        try metrics?.prepare { reporter.handle(.notice($0)) }
        let finalState = Mutex<TrainerState>(.running)
        let subscriptions = [
            trainer.events.subscribe(reporter.handle),
            trainer.events.subscribe { event in
                if case .state(let state) = event { finalState.withLock { $0 = state } }
            },
        ]
        // Ctrl-C and SIGTERM stop training between steps, so the run ends cleanly; nothing else
        // stops a headless run, so a stopped run was interrupted.
        let interrupts = StopOnSignals { [trainer] in trainer.stop() }
        trainer.start()
        trainer.waitUntilFinished()
        interrupts.cancel()
        subscriptions.forEach { $0.cancel() }

        if let dumpSamples { try writeSamples(to: dumpSamples) }
        switch finalState.withLock({ $0 }) {
        case .diverged: return .diverged
        case .stopped: return .interrupted
        case .running, .paused, .finished: return .completed
        }
    }

    private func writeSamples(to path: String) throws {
        let gan = trainer.gan
        let samples = gan.model.generateFixedSamples()
        let width = gan.dataset.featureCount
        let images = (0..<gan.model.sampleCount).map { Array(samples[$0 * width..<($0 + 1) * width]) }
        try SampleImageFile.write(images: images, shape: gan.dataset.shape, to: path)
        print("ganscope: wrote \(images.count) samples to \(path)")
    }
}
