import CursesBackend
#if canImport(Glibc)
import Glibc
#endif

/// Restores the terminal when the process dies of a crash signal (a Swift trap, a segfault),
/// which no `defer` survives: the handler puts back the terminal modes saved before curses
/// started, leaves the alternate screen and shows the cursor, then lets the signal kill the
/// process as before. Only async-signal-safe calls (`tcsetattr`, `write`, `signal`, `raise`).
enum CrashTerminalGuard {
    nonisolated(unsafe) private static var savedModes = termios()
    nonisolated(unsafe) private static var hasSavedModes = false
    private static let reset: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n"

    /// Call before opening curses, while the terminal is still in its normal modes.
    static func install() {
        hasSavedModes = tcgetattr(STDIN_FILENO, &savedModes) == 0
        SignalAction.install([SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]) { number in
            if CrashTerminalGuard.hasSavedModes { tcsetattr(STDIN_FILENO, TCSANOW, &CrashTerminalGuard.savedModes) }
            _ = write(STDOUT_FILENO, CrashTerminalGuard.reset.utf8Start, CrashTerminalGuard.reset.utf8CodeUnitCount)
            signal(number, SIG_DFL)
            raise(number)
        }
    }
}
