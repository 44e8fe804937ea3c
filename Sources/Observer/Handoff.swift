import Synchronization

/// A one-slot box that moves a value that is not `Sendable` from one thread to another.
///
/// `put` takes the value as `sending` (the caller keeps no reference to it) and `take` gives it
/// out as `sending` and empties the slot, so at any moment exactly one thread can reach the
/// value, and the compiler checks both ends. Dispatch's `async` only takes `@Sendable` closures,
/// which cannot capture such a value; capturing the (`Sendable`) box instead carries it across.
///
/// ```swift
/// let box = Handoff(GANStep(model: model, config: config, dataset: dataset))
/// queue.async {
///     guard let gan = box.take() else { return }   // now owned by this queue
///     _ = gan.step()
/// }
/// ```
public final class Handoff<Value>: Sendable {
    /// One value, sealed in its own lock when it is put in. A `Mutex` accepts a `sending` value
    /// only when it is created (assigning one inside `withLock` is refused), so each put seals
    /// the value in a new parcel and swaps the parcel, which is `Sendable`, into the slot.
    private final class Parcel: Sendable {
        private let content: Mutex<Value?>

        init(_ value: sending Value) {
            content = Mutex(value)
        }

        func open() -> sending Value? {
            // `take()` moves the value out, so no reference stays behind the lock.
            content.withLock { $0.take() }
        }
    }

    private let slot: Mutex<Parcel?>

    /// A box holding `value`.
    public init(_ value: sending Value) {
        slot = Mutex(Parcel(value))
    }

    /// An empty box.
    public init() {
        slot = Mutex(nil)
    }

    /// Puts `value` in, replacing (and releasing) any value not yet taken.
    public func put(_ value: sending Value) {
        let parcel = Parcel(value)
        slot.withLock { $0 = parcel }
    }

    /// Takes the value out, leaving the box empty; nil if it is empty.
    public func take() -> sending Value? {
        slot.withLock { $0.take() }?.open()
    }
}
