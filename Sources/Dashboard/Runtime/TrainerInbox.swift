import GAN
import Observer

/// Where the trainer's events wait for the UI loop, without either side waiting for the other.
///
/// Subscribe ``receive(_:)`` to `Trainer.events`: it runs on the sending thread (the training
/// queue, or a background note) and only does O(1) work under a short lock. ``drain(holdingBack:)``
/// gives the events back in the order they were sent, coalesced so memory stays bounded:
/// - steps: the newest ``stepLimit`` wait (every one is charted; older ones are dropped only if
///   the UI falls that far behind);
/// - pictures (samples, verdicts, decision surface, generator weights, an autoencoder's
///   reconstructions and encoded points): only the newest of each
///   kind waits, at the place of its sending;
/// - everything else (start, state, snapshots, warnings, notices, evaluations, commands
///   applied): every one.
public final class TrainerInbox: Sendable {
    /// Steps that may wait between two frames: about a minute of the fastest 2-D training.
    public static let stepLimit = 8192

    private let queue = EventQueue<TrainerEvent> { kind in
        switch kind {
        case .step: .recent(limit: TrainerInbox.stepLimit)
        case .samples, .verdicts, .decisionSurface, .generator, .reconstructions, .encodedPoints: .latest
        case .started, .evaluation, .state, .checkpointSaved, .warning, .notice, .control: .every
        }
    }

    public init() {}

    public func receive(_ event: TrainerEvent) {
        queue.put(event)
    }

    /// The events sent since the last call, in send order, except the kinds in `heldBack`: the
    /// loop redraws pictures less often than it takes steps (a new sample grid rewrites
    /// thousands of cells), so pictures that are not due yet keep waiting, the newest of each
    /// kind, and come out at a later call.
    public func drain(holdingBack heldBack: Set<TrainerEvent.Kind> = []) -> [TrainerEvent] {
        queue.take(holdingBack: heldBack)
    }

    /// Events dropped unseen: pictures replaced by newer ones, steps beyond ``stepLimit``.
    public var droppedCount: Int { queue.droppedCount }
}
