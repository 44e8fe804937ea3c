import TerminalUI

/// The terminal as ``DashboardApp`` needs it. ganscope adapts `CursesTerminal` to it (this
/// module imports no curses); tests drive the loop with a fake.
public protocol TerminalScreen: AnyObject {
    /// The size in cells now; the loop redraws when it changes.
    var size: (columns: Int, rows: Int) { get }
    /// Waits up to `timeoutMilliseconds` for a key; nil on timeout, resize or signal.
    func readKey(timeoutMilliseconds: Int32) -> KeyPress?
    /// Shows a frame (unchanged cells cost little).
    func draw(_ grid: CellGrid)
    /// Called after a theme change.
    func resetColors()
}
