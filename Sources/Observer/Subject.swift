import Synchronization

/// A typed publisher that delivers each sent event to every current subscriber that wants its kind.
///
/// Producers on any thread call ``send(_:)``; handlers run synchronously on the sending thread,
/// in subscription order. The subscriber list is copied under a `Mutex` and the handlers are
/// called outside it, so a handler may subscribe, cancel or send again without deadlocking, and
/// a slow handler never blocks other threads from subscribing or sending. A subscriber may name
/// the kinds it takes (``subscribe(to:_:)``), and a producer may ask whether anyone wants a kind
/// before building a costly event (``wants(_:)``).
///
/// ```swift
/// let events = Subject<Reading>()         // Reading: see ``KindedEvent``
/// let inbox = EventQueue<Reading> { _ in .every }
/// let subscription = events.subscribe { inbox.put($0) }
/// events.send(.temperature(21))          // inbox.take() == [.temperature(21)]
/// if events.wants(.picture) { events.send(.picture(render())) }   // no subscriber: not rendered
/// subscription.cancel()
/// ```
///
/// Handlers should be short (put into an ``EventQueue``): the sender waits for
/// every handler to return.
public final class Subject<Event: KindedEvent>: Sendable {
    /// One subscriber: its handler, the kinds it takes (nil: all) and the flag that its
    /// subscription clears on cancel.
    private struct Entry: Sendable {
        let id: UInt64
        let handler: @Sendable (Event) -> Void
        let kinds: Set<Event.Kind>?
        let flag: DeliveryFlag

        func takes(_ kind: Event.Kind) -> Bool { flag.isActive && kinds?.contains(kind) != false }
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
        subscribe(kinds: nil, handler)
    }

    /// Registers `handler` for the events of `kinds` sent from now on until the subscription is
    /// cancelled; events of other kinds never reach it, and count as unwanted in ``wants(_:)``.
    public func subscribe(to kinds: Set<Event.Kind>, _ handler: @escaping @Sendable (Event) -> Void) -> Subscription {
        subscribe(kinds: kinds, handler)
    }

    /// Whether any current subscriber takes events of `kind`: a producer asks before building
    /// an event that is costly to make.
    public func wants(_ kind: Event.Kind) -> Bool {
        state.withLock { $0.entries }.contains { $0.takes(kind) }
    }

    private func subscribe(kinds: Set<Event.Kind>?, _ handler: @escaping @Sendable (Event) -> Void) -> Subscription {
        let flag = DeliveryFlag()
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.entries.append(Entry(id: id, handler: handler, kinds: kinds, flag: flag))
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
        let kind = event.kind
        for entry in entries where entry.takes(kind) {
            entry.handler(event)
        }
    }

    private func remove(_ id: UInt64) {
        state.withLock { state in
            state.entries.removeAll { $0.id == id }
        }
    }
}
