import Synchronization

/// A bounded first-in-first-out buffer that overwrites its oldest element when full.
///
/// Used for event streams where the recent past matters (log lines, loss history between two
/// frames) but the producer must never wait or grow memory without bound. Elements lost to
/// overwriting are counted in ``droppedCount``.
///
/// ```swift
/// let log = RingBuffer<String>(capacity: 2)
/// log.append("a"); log.append("b"); log.append("c")   // "a" is dropped
/// log.drain()                                          // ["b", "c"]; the buffer is empty
/// ```
public final class RingBuffer<Element: Sendable>: Sendable {
    private struct State {
        var slots: [Element?]
        /// Index of the oldest element.
        var head = 0
        var count = 0
        var dropped = 0

        /// The elements, oldest first.
        var ordered: [Element] {
            (0..<count).compactMap { slots[(head + $0) % slots.count] }
        }
    }

    private let state: Mutex<State>

    /// The maximum number of elements held at once.
    public let capacity: Int

    /// Creates an empty buffer holding at most `capacity` elements.
    ///
    /// - Precondition: `capacity > 0`.
    public init(capacity: Int) {
        precondition(capacity > 0, "RingBuffer capacity must be positive, got \(capacity)")
        self.capacity = capacity
        self.state = Mutex(State(slots: Array(repeating: nil, count: capacity)))
    }

    /// The number of elements currently held.
    public var count: Int {
        state.withLock { $0.count }
    }

    /// How many elements were overwritten before being drained, since the buffer was created.
    public var droppedCount: Int {
        state.withLock { $0.dropped }
    }

    /// Adds `element` as the newest; when full, the oldest element is discarded and counted.
    public func append(_ element: Element) {
        state.withLock { state in
            let capacity = state.slots.count
            if state.count == capacity {
                state.slots[state.head] = element
                state.head = (state.head + 1) % capacity
                state.dropped += 1
            } else {
                state.slots[(state.head + state.count) % capacity] = element
                state.count += 1
            }
        }
    }

    /// Returns every element, oldest first, and empties the buffer.
    public func drain() -> [Element] {
        state.withLock { state in
            let elements = state.ordered
            // Release the elements now rather than when their slots are next overwritten.
            for offset in 0..<state.count {
                state.slots[(state.head + offset) % state.slots.count] = nil
            }
            state.head = 0
            state.count = 0
            return elements
        }
    }

    /// Returns every element, oldest first, leaving the buffer unchanged.
    public func snapshot() -> [Element] {
        state.withLock { $0.ordered }
    }
}
