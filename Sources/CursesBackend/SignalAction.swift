#if canImport(Glibc)
import Glibc
#endif

/// Installs a C signal handler with `sigaction`, the one way ganscope installs handlers: no
/// other signal blocked while it runs and no `SA_RESTART`, so a blocking read returns early and
/// the loop sees at once what the handler recorded. The handler may only make async-signal-safe
/// calls (no allocation, no locks, no curses).
public enum SignalAction {
    public static func install(_ signals: [Int32], handler: @convention(c) (Int32) -> Void) {
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handler
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }
}
