import CursesBackend
import Dashboard
import TerminalUI

/// The dashboard's ``TerminalScreen`` on a curses terminal: passes frames through and turns
/// curses keys into the dashboard's ``KeyPress``.
final class CursesScreen: TerminalScreen {
    let terminal: CursesTerminal

    init(_ terminal: CursesTerminal) {
        self.terminal = terminal
    }

    var size: (columns: Int, rows: Int) { terminal.size }

    func readKey(timeoutMilliseconds: Int32) -> KeyPress? {
        terminal.readKey(timeoutMilliseconds: timeoutMilliseconds).flatMap(Self.translate)
    }

    func draw(_ grid: CellGrid) { terminal.draw(grid) }

    func resetColors() { terminal.resetColors() }

    /// The dashboard's name for a key, nil for keys it does not use (and for resizes, which the
    /// loop notices from the size).
    static func translate(_ key: Key) -> KeyPress? {
        switch key {
        case .char(let character): .char(character)
        case .control("c"): .interrupt
        case .left: .left
        case .right: .right
        case .up: .up
        case .down: .down
        case .tab: .tab
        case .backTab: .backTab
        case .enter: .enter
        case .escape: .escape
        default: nil
        }
    }
}
