import Synchronization

/// How an ``EventQueue`` keeps the events of one kind while they wait.
public enum Retention: Sendable, Equatable {
    /// Every one waits: events that must not be lost (a state change, a saved snapshot).
    case every
    /// Only the newest waits: a new one replaces the waiting one and joins the back of the line
    /// (a picture of the current state; older ones are worthless).
    case latest
    /// At most `limit` wait; beyond that the oldest half of them are dropped at once and counted
    /// (a stream whose recent past matters, such as training steps).
    case recent(limit: Int)
}

/// A queue between a producer that must never wait and a consumer that takes everything once
/// in a while (a UI frame): events come out in the order they were put, and frequent kinds are
/// coalesced by their ``Retention``, so memory stays bounded however far the consumer falls behind.
///
/// Every operation holds a lock only for amortised O(1) work per event (a `latest` put scans
/// the waiting events for the one it replaces).
///
/// ```swift
/// let queue = EventQueue<Reading> { $0 == .picture ? .latest : .every }
/// queue.put(.temperature(20)); queue.put(.picture(a)); queue.put(.temperature(21)); queue.put(.picture(b))
/// queue.take()    // [.temperature(20), .temperature(21), .picture(b)]
/// ```
public final class EventQueue<Event: KindedEvent>: Sendable {
    private struct State {
        var waiting: [Event] = []
        var counts: [Event.Kind: Int] = [:]
        var dropped = 0

        /// Removes the oldest `count` waiting events of `kind`.
        mutating func drop(_ count: Int, of kind: Event.Kind) {
            var remaining = count
            waiting.removeAll { event in
                guard remaining > 0, event.kind == kind else { return false }
                remaining -= 1
                return true
            }
            counts[kind, default: 0] -= count - remaining
            dropped += count - remaining
        }
    }

    private let state = Mutex(State())
    private let retention: @Sendable (Event.Kind) -> Retention

    /// - Parameter retention: how events of each kind wait; asked on every put.
    public init(retention: @escaping @Sendable (Event.Kind) -> Retention) {
        self.retention = retention
    }

    /// How many events were dropped unseen (replaced `latest` ones and overflowing `recent` ones).
    public var droppedCount: Int {
        state.withLock { $0.dropped }
    }

    /// Adds `event` at the back, first dropping what its kind's retention says it replaces.
    public func put(_ event: Event) {
        let kind = event.kind
        let rule = retention(kind)
        state.withLock { state in
            switch rule {
            case .every:
                break
            case .latest:
                if state.counts[kind, default: 0] > 0, let old = state.waiting.firstIndex(where: { $0.kind == kind }) {
                    state.waiting.remove(at: old)
                    state.counts[kind, default: 0] -= 1
                    state.dropped += 1
                }
            case .recent(let limit):
                let count = state.counts[kind, default: 0]
                if count >= max(limit, 1) {
                    // Dropping half at once keeps puts amortised O(1) when nobody takes.
                    state.drop(count - max(limit, 1) / 2, of: kind)
                }
            }
            state.waiting.append(event)
            state.counts[kind, default: 0] += 1
        }
    }

    /// Takes the waiting events, oldest first, except those of the `heldBack` kinds: they keep
    /// waiting (coalesced as before) for a later take, behind which newer events may go first.
    public func take(holdingBack heldBack: Set<Event.Kind> = []) -> [Event] {
        state.withLock { state in
            guard !heldBack.isEmpty else {
                let all = state.waiting
                state.waiting = []
                state.counts = [:]
                return all
            }
            var taken: [Event] = []
            var kept: [Event] = []
            for event in state.waiting {
                if heldBack.contains(event.kind) { kept.append(event) } else { taken.append(event) }
            }
            state.waiting = kept
            state.counts = state.counts.filter { heldBack.contains($0.key) }
            return taken
        }
    }
}
