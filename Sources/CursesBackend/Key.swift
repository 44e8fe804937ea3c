/// A key press (or a resize) read from the terminal.
public enum Key: Hashable, Sendable {
    /// A printable character (already decoded from UTF-8 by curses).
    case char(Character)
    /// A control combination, by its letter: Ctrl-A is `.control("a")`.
    case control(Character)
    case left, right, up, down
    case home, end, pageUp, pageDown
    case tab, backTab, enter, escape, backspace, delete
    /// The terminal changed size; ask ``CursesTerminal/size`` and redraw.
    case resize
    /// A function key, F1 is `.function(1)`.
    case function(Int)
    /// A key curses knows but ganscope does not name, by its curses code.
    case other(Int32)

    /// Ctrl-C, which arrives as a key only when SIGINT is not generated (raw mode).
    public static let ctrlC = Key.control("c")
}
