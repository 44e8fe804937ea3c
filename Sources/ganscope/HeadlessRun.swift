import Foundation
import GAN
import Synchronization

/// The headless front end: prepares the metrics first (so every evaluation is in the log),
/// shows progress on the terminal or as plain lines, and stops cleanly on Ctrl-C or SIGTERM.
struct HeadlessRun {
    let trainer: Trainer
    let metrics: MetricsSetup?

    func run() throws -> RunOutcome {
        let reporter = HeadlessReporter(totalSteps: trainer.info.config.steps, isTerminal: isatty(STDERR_FILENO) == 1)
        // Through the reporter, so the notes keep their place among its unbuffered lines.
        try metrics?.prepare { reporter.handle(.notice($0)) }
        let finalState = Mutex<TrainerState>(.running)
        // Text only: the trainer makes no pictures for a headless run.
        let subscriptions = [
            trainer.events.subscribe(to: TrainerEvent.Kind.text, reporter.handle),
            trainer.events.subscribe(to: [.state]) { event in
                if case .state(let state) = event { finalState.withLock { $0 = state } }
            },
        ]
        // Ctrl-C and SIGTERM stop training between steps (or within a long one), so the run ends
        // cleanly; nothing else stops a headless run, so a stopped run was interrupted.
        let interrupts = StopOnSignals { [trainer] in trainer.stop() }
        trainer.start()
        trainer.waitUntilFinished()
        interrupts.cancel()
        subscriptions.forEach { $0.cancel() }

        switch finalState.withLock({ $0 }) {
        case .diverged: return .diverged
        case .stopped: return .interrupted
        case .running, .paused, .finished: return .completed
        }
    }
}
