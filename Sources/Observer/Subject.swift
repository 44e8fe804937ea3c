import Synchronization

/// A typed publisher that delivers each sent event to every current subscriber.
///
/// Producers on any thread call ``send(_:)``; handlers run synchronously on the sending thread,
/// in subscription order. The subscriber list is copied under a `Mutex` and the handlers are
/// called outside it, so a handler may subscribe, cancel or send again without deadlocking, and
/// a slow handler never blocks other threads from subscribing or sending.
///
/// ```swift
/// let events = Subject<Int>()
/// let latest = Mailbox<Int>()
/// let subscription = events.subscribe { latest.put($0) }
/// events.send(42)          // latest.peek() == 42
/// subscription.cancel()
/// ```
///
/// Handlers should be short (write into a ``Mailbox`` or ``RingBuffer``): the sender waits for
/// every handler to return.
public final class Subject<Event: Sendable>: Sendable {
    /// One subscriber: its handler and the flag that its subscription clears on cancel.
    private struct Entry: Sendable {
        let id: UInt64
        let handler: @Sendable (Event) -> Void
        let flag: DeliveryFlag
    }

    private struct State {
        var nextID: UInt64 = 0
        var entries: [Entry] = []
    }

    private let state = Mutex(State())

    /// Creates a subject with no subscribers.
    public init() {}

    /// The number of subscriptions not yet cancelled.
    public var subscriberCount: Int {
        state.withLock { $0.entries.count }
    }

    /// Registers `handler` for every event sent from now on until the subscription is cancelled.
    ///
    /// Keep the returned ``Subscription``: dropping it cancels the subscription.
    public func subscribe(_ handler: @escaping @Sendable (Event) -> Void) -> Subscription {
        let flag = DeliveryFlag()
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.entries.append(Entry(id: id, handler: handler, flag: flag))
            return id
        }
        // Weak: a subscription outliving its subject must neither keep it alive nor crash.
        return Subscription { [weak self] in
            flag.deactivate()
            self?.remove(id)
        }
    }

    /// Delivers `event` to every subscriber, on the calling thread, before returning.
    public func send(_ event: Event) {
        // Copying the array is O(1) (copy-on-write); the lock is held only for that.
        let entries = state.withLock { $0.entries }
        for entry in entries where entry.flag.isActive {
            entry.handler(event)
        }
    }

    private func remove(_ id: UInt64) {
        state.withLock { state in
            state.entries.removeAll { $0.id == id }
        }
    }
}
