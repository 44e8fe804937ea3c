import GAN
import Observer

/// Where the trainer's events wait for the UI loop, without either side waiting for the other.
///
/// Subscribe ``receive(_:)`` to `Trainer.events`: it runs on the training queue and only does O(1)
/// work. Steps go to a ring buffer (every step is charted; the oldest are dropped if the UI falls
/// far behind), images and weights to latest-value mailboxes (only the newest matters), and the
/// rare events that must not be lost (start, state, snapshots, warnings, evaluations) to their
/// own ring. The loop calls ``drain()`` once per frame.
public final class TrainerInbox: Sendable {
    private let steps = RingBuffer<StepMetrics>(capacity: 8192)
    private let rare = RingBuffer<TrainerEvent>(capacity: 512)
    private let samples = Mailbox<SampleImages>()
    private let generator = Mailbox<GeneratorSnapshot>()
    private let verdicts = Mailbox<Verdicts>()
    private let surface = Mailbox<DecisionSurface>()

    public init() {}

    public func receive(_ event: TrainerEvent) {
        switch event {
        case .step(let metrics): steps.append(metrics)
        case .samples(let images): samples.put(images)
        case .generator(let snapshot): generator.put(snapshot)
        case .verdicts(let value): verdicts.put(value)
        case .decisionSurface(let value): surface.put(value)
        case .started, .evaluation, .state, .checkpointSaved, .warning, .notice: rare.append(event)
        }
    }

    /// The rare events and the steps that arrived since the last call, each in order, as messages.
    public func drain() -> [Message] {
        rare.drain().map(Message.trainer) + steps.drain().map { .trainer(.step($0)) }
    }

    /// The newest of each kind of picture (verdicts, samples, decision surface) that arrived
    /// since the last call; taken separately so the loop can redraw them less often than the
    /// trainer publishes (a new sample grid rewrites thousands of cells).
    public func takePictures() -> [Message] {
        var messages: [Message] = []
        if let value = verdicts.take() { messages.append(.trainer(.verdicts(value))) }
        if let value = samples.take() { messages.append(.trainer(.samples(value))) }
        if let value = surface.take() { messages.append(.trainer(.decisionSurface(value))) }
        return messages
    }

    /// The newest generator weights, if new ones arrived; taken separately so the loop can
    /// refresh the explorer less often than the trainer publishes.
    public func takeGenerator() -> Message? {
        generator.take().map { .trainer(.generator($0)) }
    }
}
