import Foundation
import GAN
import Metrics
import Synchronization

/// The learning metrics of a run: the evaluator for its data set and the interval.
///
/// Preparing the evaluator can take seconds (held-out data, reference statistics, and on first
/// use training the classifier). Headless runs prepare it before training, so every evaluation is
/// in the log; the dashboard prepares it in the background so it appears at once, and
/// evaluations due before it is ready are skipped.
final class MetricsSetup: Sendable {
    typealias Note = @Sendable (String) -> Void

    let every: Int
    private let gan: GANStep
    private let evaluator = Mutex<GANEvaluator?>(nil)

    /// nil when `every` is 0 (metrics off); nil `every` picks the default for the data shape.
    init?(gan: GANStep, every: Int?) {
        let every = every ?? EvaluationSettings.defaultInterval(for: gan.dataset.shape)
        guard every > 0 else { return nil }
        self.every = every
        self.gan = gan
    }

    /// Builds the evaluator now; `note` hears progress (classifier training, the FCD floor).
    func prepare(note: @escaping Note) throws {
        let ready = try GANEvaluator.make(for: gan, note: note)
        var line = "metrics every \(every) steps"
        if let floor = ready.realBaselineFrechetDistance {
            line += String(format: "; FCD of real held-out images (the floor): %.3f", floor)
        }
        note(line)
        evaluator.withLock { $0 = ready }
        AllocatorTuning.releaseFreeMemory()
    }

    /// Builds the evaluator on a background queue; a failure turns metrics off with a note.
    func prepareInBackground(note: @escaping Note) {
        DispatchQueue.global(qos: .utility).async { [self] in
            do {
                try prepare(note: note)
            } catch {
                note("metrics are off: \(error)")
            }
        }
    }

    /// The trainer's evaluator hook: nil until the evaluator is ready.
    var evaluate: Trainer.Evaluator {
        { [self] gan in
            let report = evaluator.withLock { $0 }?.evaluate(gan)
            AllocatorTuning.releaseFreeMemory()
            return report
        }
    }
}
