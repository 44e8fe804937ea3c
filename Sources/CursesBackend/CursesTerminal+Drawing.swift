import CNCursesW
import TerminalUI

#if canImport(Glibc)
import Glibc
#endif

extension CursesTerminal {
    /// Shows a frame: writes every cell that changed since the last frame.
    ///
    /// Cells outside the screen are skipped; draw a grid of ``size`` each frame. Wide characters
    /// are written once (their tail cell is skipped).
    ///
    /// On a 256-colour UTF-8 terminal the changes go out as one write of bytes built by
    /// ``FrameEncoder``, past curses: curses expands a terminfo string for every colour change
    /// (thousands on a frame of sample pictures), which took most of the frame time. Curses still
    /// sets up, clears and restores the terminal, reads keys and, elsewhere, draws in 8 colours
    /// or none (colour pairs created lazily and reused). Curses is never asked to refresh the
    /// screen after a frame written past it, except to clear it.
    public func draw(_ grid: CellGrid) {
        guard isOpen else { return }
        if let previous = shown, previous.width != grid.width || previous.height != grid.height {
            shown = nil
        }
        if let encoder {
            drawPastCurses(grid, encoder: encoder)
        } else {
            drawThroughCurses(grid)
        }
        shown = grid
    }

    private func drawPastCurses(_ grid: CellGrid, encoder: FrameEncoder) {
        if shown == nil { ganscope_clear_screen(window) }
        let screen = size
        frameBytes.removeAll(keepingCapacity: true)
        encoder.encode(grid, over: shown, columns: screen.columns, rows: screen.rows, into: &frameBytes)
        frameBytes.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let count = Glibc.write(outputDescriptor, bytes.baseAddress! + sent, bytes.count - sent)
                if count > 0 {
                    sent += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    // The terminal is gone (hang-up); the loop ends on its own.
                    return
                }
            }
        }
    }

    private func drawThroughCurses(_ grid: CellGrid) {
        let screen = size
        if shown == nil { werase(window) }
        grid.forEachChange(over: shown, columns: screen.columns, rows: screen.rows) { column, row, _, cell in
            write(cell, x: column, y: row)
        }
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
