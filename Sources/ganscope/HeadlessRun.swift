import Foundation
import GAN
import Metrics
import Synchronization

/// The headless front end: prepares the metrics first (so every evaluation is in the log),
/// shows progress on the terminal or as plain lines, and stops cleanly on Ctrl-C or SIGTERM.
/// A trainer of several runs (`ganscope compare`) gets plain lines, each starting with its
/// run's label: progress bars of several runs cannot share a line.
struct HeadlessRun {
    let trainer: Trainer
    let metrics: MetricsSetup?
    /// The runs' names, one per `trainer.runEvents`; nil for a single run.
    var labels: [String]?
    /// Hears each run's evaluations, with the run's index (from the training thread).
    var evaluations: (@Sendable (Int, EvaluationReport) -> Void)?

    func run() throws -> RunOutcome {
        let runs = trainer.runEvents.indices
        let isTerminal = runs.count == 1 && isatty(STDERR_FILENO) == 1
        let reporters = runs.map {
            HeadlessReporter(totalSteps: trainer.infos[$0].config.steps, isTerminal: isTerminal, label: labels?[$0])
        }
        // Through a reporter, so the notes keep their place among its unbuffered lines; with
        // several runs, one without a label: the metrics are set up once, for all of them.
        let notes = runs.count == 1 ? reporters[0] : HeadlessReporter(totalSteps: nil, isTerminal: false)
        try metrics?.prepare { notes.handle(.notice($0)) }
        let finalStates = Mutex<[TrainerState]>(runs.map { _ in .running })
        // Text only: the trainer makes no pictures for a headless run.
        let subscriptions = runs.flatMap { [evaluations] index in [
            trainer.runEvents[index].subscribe(to: TrainerEvent.Kind.text, reporters[index].handle),
            trainer.runEvents[index].subscribe(to: [.state, .evaluation]) { event in
                switch event {
                case .state(let state): finalStates.withLock { $0[index] = state }
                case .evaluation(let report): evaluations?(index, report)
                default: break
                }
            },
        ] }
        // Ctrl-C and SIGTERM stop training between steps (or within a long one), so the run ends
        // cleanly; nothing else stops a headless run, so a stopped run was interrupted.
        let interrupts = StopOnSignals { [trainer] in trainer.stop() }
        trainer.start()
        trainer.waitUntilFinished()
        interrupts.cancel()
        subscriptions.forEach { $0.cancel() }
        return Self.outcome(finalStates.withLock { $0 })
    }

    /// A divergence of any run first, then an interruption.
    static func outcome(_ states: [TrainerState]) -> RunOutcome {
        if states.contains(where: { if case .diverged = $0 { true } else { false } }) { return .diverged }
        return states.contains(.stopped) ? .interrupted : .completed
    }
}
