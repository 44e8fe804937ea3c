import CNCursesW
import TerminalUI

extension CursesTerminal {
    /// Shows a frame: writes every cell that changed since the last frame, then refreshes once.
    ///
    /// Cells outside the screen are skipped; draw a grid of ``size`` each frame. Wide characters
    /// are written once (their tail cell is skipped). Colour pairs are created lazily and reused.
    public func draw(_ grid: CellGrid) {
        guard isOpen else { return }
        let screen = size
        if let previous = shown, previous.width != grid.width || previous.height != grid.height {
            shown = nil
        }
        if shown == nil { werase(window) }
        let columns = min(grid.width, screen.columns), rows = min(grid.height, screen.rows)
        grid.cells.withUnsafeBufferPointer { cells in
            let previous = shown
            for y in 0..<rows {
                for x in 0..<columns {
                    let index = y * grid.width + x
                    let cell = cells[index]
                    if cell.isWideTail { continue }
                    if let previous, previous.cells[index] == cell { continue }
                    write(cell, x: x, y: y)
                }
            }
        }
        shown = grid
        wnoutrefresh(window)
        doupdate()
    }

    private func write(_ cell: Cell, x: Int, y: Int) {
        let (attributes, pair) = cursesStyle(cell.style)
        var count = 0
        for scalar in cell.character.unicodeScalars where count < Int(CCHARW_MAX) - 1 {
            text[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        text[count] = 0
        // The bottom-right cell reports ERR (the cursor cannot advance) yet is drawn: ignore it.
        _ = ganscope_put_cell(window, Int32(y), Int32(x), text, attributes, pair)
    }

    /// The curses attributes and colour pair for a style, from the one-entry cache or the registry.
    private func cursesStyle(_ style: Style) -> (attr_t, Int32) {
        if let lastStyle, lastStyle.style == style { return (lastStyle.attributes, lastStyle.pair) }
        var attributes: attr_t = 0
        if style.bold { attributes |= ganscope_attr_bold() }
        if style.dim { attributes |= ganscope_attr_dim() }
        if style.reverse { attributes |= ganscope_attr_reverse() }
        var pair: Int32 = 0
        if colorDepth != .monochrome {
            let foreground = cursesColor(style.foreground, foreground: true)
            let background = cursesColor(style.background, foreground: false)
            if foreground != -1 || background != -1, let entry = pairs.pair(foreground: foreground, background: background) {
                if entry.isNew { init_extended_pair(entry.number, foreground, background) }
                pair = entry.number
            }
        }
        lastStyle = (style, attributes, pair)
        return (attributes, pair)
    }
}
