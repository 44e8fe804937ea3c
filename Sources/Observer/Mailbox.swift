import Synchronization

/// A single-slot box holding only the latest value put into it.
///
/// The trainer puts, the UI takes once per frame: values the UI had no time to read are
/// overwritten (and counted in ``droppedCount``), so memory stays constant however fast the
/// producer is. Every operation is O(1) and holds a lock only for a copy.
///
/// ```swift
/// let metrics = Mailbox<Double>()
/// metrics.put(0.7)
/// metrics.put(0.6)          // overwrites 0.7; droppedCount == 1
/// metrics.take()            // 0.6, and the box is empty again
/// ```
public final class Mailbox<Value: Sendable>: Sendable {
    private struct State {
        var value: Value?
        var dropped = 0
    }

    private let state = Mutex(State())

    /// Creates an empty mailbox.
    public init() {}

    /// Stores `value`, replacing any value not yet taken.
    public func put(_ value: Value) {
        state.withLock { state in
            if state.value != nil { state.dropped += 1 }
            state.value = value
        }
    }

    /// Returns the stored value and empties the box, or `nil` if nothing was put since the last take.
    public func take() -> Value? {
        state.withLock { state in
            defer { state.value = nil }
            return state.value
        }
    }

    /// Returns the stored value without emptying the box.
    public func peek() -> Value? {
        state.withLock { $0.value }
    }

    /// How many values were overwritten before anyone took them, since the mailbox was created.
    public var droppedCount: Int {
        state.withLock { $0.dropped }
    }
}
