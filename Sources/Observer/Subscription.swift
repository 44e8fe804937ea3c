import Synchronization

/// A handle that keeps a ``Subject`` subscription alive; cancel it or drop it to unsubscribe.
///
/// Guarantee after ``cancel()`` returns:
/// - a ``Subject/send(_:)`` that starts later never calls the handler;
/// - a send already in progress on another thread may still call the handler **at most once**
///   (it checked the subscription just before cancel took effect), so with `n` threads sending
///   concurrently at most `n` late deliveries can occur, and none once those sends return.
///
/// A stronger "never after cancel returns" would require cancel to wait for running handlers,
/// which deadlocks when a handler cancels its own subscription; handlers that must not run late
/// should check their own state.
public final class Subscription: Sendable {
    /// The unsubscribe action; `nil` once it has run, which makes cancel idempotent.
    private let onCancel: Mutex<(@Sendable () -> Void)?>

    init(onCancel: @escaping @Sendable () -> Void) {
        self.onCancel = Mutex(onCancel)
    }

    deinit {
        cancel()
    }

    /// Whether ``cancel()`` has been called (or the subscription was dropped).
    public var isCancelled: Bool {
        onCancel.withLock { $0 == nil }
    }

    /// Stops deliveries to the handler; calling it again does nothing.
    public func cancel() {
        // Take the action out under the lock, run it outside: it locks the subject's mutex.
        let action = onCancel.withLock { action in
            defer { action = nil }
            return action
        }
        action?()
    }
}
