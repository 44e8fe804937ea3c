import Datasets
import Foundation
import GAN
import Metrics
import Observer

/// The learning metrics of a run: the evaluator for its data set and the interval.
///
/// Preparing the evaluator can take seconds (held-out data, reference statistics, and on first
/// use training the classifier). Headless runs prepare it before training, so every evaluation is
/// in the log; the dashboard prepares it in the background so it appears at once, and
/// evaluations due before it is ready are skipped. Either way the finished evaluator goes into a
/// ``Handoff`` and the trainer's queue takes it from there: it is used on that queue alone.
final class MetricsSetup: Sendable {
    typealias Note = @Sendable (String) -> Void

    let every: Int
    private let dataset: Dataset
    private let config: TrainingConfig
    private let cache: ClassifierCache
    private let ready = Handoff<GANEvaluator>()

    /// nil when `every` is 0 (metrics off); nil `every` picks the default for the data shape.
    /// The classifier is cached in `checkpointFolder`, next to the run's snapshots.
    init?(dataset: Dataset, config: TrainingConfig, every: Int?, checkpointFolder: String) {
        let every = every ?? EvaluationSettings.defaultInterval(for: dataset.shape)
        guard every > 0 else { return nil }
        self.every = every
        self.dataset = dataset
        self.config = config
        cache = ClassifierCache(folder: checkpointFolder)
    }

    /// Builds the evaluator now; `note` hears progress (classifier training, the FCD floor).
    func prepare(gate: PauseGate? = nil, note: @escaping Note) throws {
        let evaluator = try GANEvaluator.make(training: dataset, config: config, cache: cache, gate: gate, note: note)
        if gate?.isClosed == true { return }  // given up: the run is ending
        var line = "metrics every \(every) steps"
        if let floor = evaluator.realBaselineFrechetDistance {
            line += String(format: "; FCD of real held-out images (the floor): %.3f", floor)
        }
        note(line)
        ready.put(evaluator)
        AllocatorTuning.releaseFreeMemory()
    }

    /// Builds the evaluator on a background queue, pausing while the trainer publishing
    /// `events` is paused (a paused dashboard uses no CPU, even while the classifier trains on
    /// first use); a failure turns metrics off with a note. Call ``Background/finish()`` on the
    /// returned handle before the process exits.
    func prepareInBackground(following events: Subject<TrainerEvent>, note: @escaping Note) -> Background {
        let gate = PauseGate(onHold: { note("classifier training paused with the run") })
        let subscription = events.subscribe(to: [.state]) { if case .state(let state) = $0 { gate.follow(state) } }
        let group = DispatchGroup()
        DispatchQueue.global(qos: .utility).async(group: group) { [self] in
            defer { subscription.cancel() }
            do {
                try prepare(gate: gate, note: note)
            } catch {
                note("metrics are off: \(error)")
            }
        }
        return Background(gate: gate, group: group)
    }

    /// The background preparation of the evaluator.
    struct Background {
        fileprivate let gate: PauseGate
        fileprivate let group: DispatchGroup

        /// Gives up on the preparation (a classifier half trained is neither used nor cached) and
        /// waits until its thread has left every matrix product: OpenBLAS's exit handler joins its
        /// worker threads and deadlocks if another thread is still inside one. The wait is at most
        /// one classifier minibatch, or the reference statistics (about a second) if they have begun.
        func finish() {
            gate.close()
            group.wait()
        }
    }

    /// The trainer's evaluator hook: measures nothing until the evaluator is ready, then takes
    /// it over for good (the hook runs on the trainer's queue only).
    func evaluator() -> Trainer.Evaluator {
        var evaluator: GANEvaluator?
        return { [ready] step in
            if evaluator == nil { evaluator = ready.take() }
            let report = evaluator?.evaluate(step)
            AllocatorTuning.releaseFreeMemory()
            return report
        }
    }
}
