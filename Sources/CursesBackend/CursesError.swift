/// Why the terminal could not be opened.
public enum CursesError: Error, CustomStringConvertible, Equatable {
    /// Another ``CursesTerminal`` is open; curses drives one screen at a time.
    case alreadyOpen
    /// `newterm` failed, usually because TERM names a terminal with no terminfo entry.
    case cannotStartTerminal(term: String)
    /// /dev/null could not be opened for a headless screen.
    case cannotOpenNullDevice

    public var description: String {
        switch self {
        case .alreadyOpen:
            "a curses terminal is already open; close it before opening another"
        case .cannotStartTerminal(let term):
            "cannot start curses for TERM=\(term); check that TERM is set and its terminfo entry is installed"
        case .cannotOpenNullDevice:
            "cannot open /dev/null for a headless curses screen"
        }
    }
}
