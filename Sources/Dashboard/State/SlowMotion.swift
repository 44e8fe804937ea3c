import GAN

/// Slow motion (`m`): one iteration a second, update by update, for teaching. The trainer stays
/// paused and the dashboard sends it the stages as commands on a schedule; the status line names
/// the stage just taken.
///
/// Pure: ``due(at:k:generatorUpdates:)`` says which stages have come due by a given clock time,
/// so the pacing is tested without waiting.
public struct SlowMotion: Sendable, Equatable {
    public static let secondsPerIteration = 1.0

    /// One stage of an iteration, in the lecture's order.
    public enum Stage: Sendable, Equatable {
        /// D judges a fresh minibatch of reals and fakes (its gradient is computed, not applied).
        case verdicts
        /// D's optimiser applies that gradient.
        case discriminatorUpdate
        case generatorUpdate

        public var label: String {
            switch self {
            case .verdicts: "D on reals and fakes"
            case .discriminatorUpdate: "D's update"
            case .generatorUpdate: "G's update"
            }
        }

        /// What the trainer is asked to do.
        public var command: TrainerCommand {
            switch self {
            case .verdicts: .update(.discriminatorVerdicts)
            case .discriminatorUpdate: .update(.discriminator)
            case .generatorUpdate: .update(.generator)
            }
        }
    }

    /// The stages of one iteration: each of the K D updates in two stages, then G's updates.
    public static func stages(k: Int, generatorUpdates: Int) -> [Stage] {
        Array(repeating: [Stage.verdicts, .discriminatorUpdate], count: k).flatMap { $0 }
            + Array(repeating: .generatorUpdate, count: generatorUpdates)
    }

    /// The clock time at which the next stage is due.
    public private(set) var nextAt: Double
    /// Stages sent so far; their position in the iteration is `sent` modulo its stage count.
    public private(set) var sent = 0
    /// The stage last sent, which the status line names; nil before the first.
    public private(set) var current: Stage?

    /// Starts at `clock`: the first stage is due at once.
    public init(startingAt clock: Double) {
        nextAt = clock
    }

    /// The stages due by `clock`, in order, each advancing the schedule by its share of the
    /// iteration's second. After a stall (the loop busy for over a second) the schedule starts
    /// again from `clock` rather than catching up at once.
    public mutating func due(at clock: Double, k: Int, generatorUpdates: Int) -> [Stage] {
        let iteration = Self.stages(k: k, generatorUpdates: generatorUpdates)
        if clock - nextAt > Self.secondsPerIteration { nextAt = clock }
        var due: [Stage] = []
        while nextAt <= clock {
            let stage = iteration[sent % iteration.count]
            due.append(stage)
            sent += 1
            nextAt += Self.secondsPerIteration / Double(iteration.count)
        }
        if let last = due.last { current = last }
        return due
    }
}
