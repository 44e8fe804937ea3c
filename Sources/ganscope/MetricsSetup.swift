import Foundation
import GAN
import Metrics
import Synchronization

/// The learning metrics of a run: the evaluator for its data set and the interval.
///
/// Setting up can take seconds (held-out data, reference statistics, and on first use training
/// the classifier), so the dashboard prepares it in the background and training starts at once;
/// evaluations due before it is ready are skipped. Headless runs prepare it first, so that every
/// evaluation in the log is there.
final class MetricsSetup: Sendable {
    let every: Int
    private let evaluator = Mutex<GANEvaluator?>(nil)

    /// nil when `every` is 0 (metrics off); nil `every` picks the default for the data shape.
    /// `note` receives progress lines (classifier training, the real-data FCD floor).
    init?(gan: GANStep, every: Int?, inBackground: Bool, note: @escaping @Sendable (String) -> Void) throws {
        let every = every ?? EvaluationSettings.defaultInterval(for: gan.dataset.shape)
        guard every > 0 else { return nil }
        self.every = every
        guard inBackground else {
            try prepare(for: gan, note: note)
            return
        }
        DispatchQueue.global(qos: .utility).async { [self] in
            do {
                try prepare(for: gan, note: note)
            } catch {
                note("metrics are off: \(error)")
            }
        }
    }

    private func prepare(for gan: GANStep, note: @escaping @Sendable (String) -> Void) throws {
        let ready = try GANEvaluator.make(for: gan, note: note)
        var line = "metrics every \(every) steps"
        if let floor = ready.realBaselineFrechetDistance {
            line += String(format: "; FCD of real held-out images (the floor): %.3f", floor)
        }
        note(line)
        evaluator.withLock { $0 = ready }
    }

    /// The trainer's evaluator hook: nil until the set-up is done.
    var evaluate: Trainer.Evaluator {
        { [self] gan in evaluator.withLock { $0 }?.evaluate(gan) }
    }
}
