import GAN

/// Everything that can change a ``CompareState``; ``compareUpdate(_:_:)`` handles each.
public enum CompareMessage: Sendable {
    case key(KeyPress)
    /// An event of the run at `run` (its index in ``CompareState/runs``).
    case trainer(run: Int, TrainerEvent)
    /// The frame clock, in seconds since the start: expires notices.
    case tick(now: Double)
    /// SIGINT or SIGTERM: leave as `q` does.
    case terminationSignal
}
