import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into a flag that the UI loop polls, so the loop itself leaves, closes
/// the terminal and lets the trainer save its work.
///
/// Left alone, ncurses catches these signals itself: it restores the terminal and exits at once,
/// skipping the app's cleanup. After ``install(_:)`` the handler only stores the signal number in
/// an atomic (async-signal-safe; curses must not be called from a handler). A blocked
/// `readKey` returns early (the handler is installed without SA_RESTART), so the loop sees the
/// flag within a frame. A second signal while one is pending restores the default action and
/// re-raises it, so a stuck program still dies on a second Ctrl-C.
///
/// ```swift
/// let terminal = try CursesTerminal.open()
/// TerminationSignals.install()
/// while TerminationSignals.pending == nil { … }
/// terminal.close()
/// ```
public enum TerminationSignals {
    private static let received = Atomic<Int32>(0)

    /// Installs the handler for each signal (SIGINT and SIGTERM by default). Call it after
    /// ``CursesTerminal/open(_:locale:)``, which would otherwise install ncurses' own handlers.
    public static func install(_ signals: [Int32] = [SIGINT, SIGTERM]) {
        // Touch the atomic now: a global's first access runs a lazy initialiser, which is not
        // safe inside a signal handler.
        _ = received.load(ordering: .relaxed)
        SignalAction.install(signals) { number in
            if TerminationSignals.received.exchange(number, ordering: .relaxed) != 0 {
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    /// The signal received since installation (or since ``clear()``), if any.
    public static var pending: Int32? {
        let number = received.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Forgets a received signal, e.g. after asking the user to confirm quitting.
    public static func clear() {
        received.store(0, ordering: .relaxed)
    }
}
