import TerminalUI

/// A notice at the bottom of an area, in its level's colour. A notice wider than the screen (a
/// snapshot's full path, a reason with the file it names) wraps upwards over the panels, up to
/// ``maximumRows`` rows, instead of being cut at the edge: it is the one place the user reads it.
struct NoticeLine: Widget {
    static let maximumRows = 3

    let notice: Notice
    let palette: Palette

    /// The notice's rows for `width` columns with a margin of one on each side: at most `limit`,
    /// the last ending with an ellipsis when text is left over.
    func rows(width: Int, limit: Int = NoticeLine.maximumRows) -> [String] {
        let textWidth = width - 2
        let all = notice.text.wrapped(width: textWidth)
        guard limit > 0 else { return [] }
        guard all.count > limit else { return all }
        let ellipsis = palette.text("…", ascii: "...")
        var last = all[limit - 1]
        while last.terminalWidth + ellipsis.terminalWidth > textWidth, !last.isEmpty { last.removeLast() }
        return Array(all.prefix(limit - 1)) + [last + ellipsis]
    }

    /// Draws the notice on the bottom rows of `area`, each row filled across in the notice's style.
    func render(into grid: inout CellGrid, area: Rect) {
        let style: Style
        switch notice.level {
        case .info: style = palette.title
        case .warning: style = palette.warning
        case .error: style = palette.error
        }
        let rows = rows(width: area.width, limit: min(Self.maximumRows, area.height))
        let top = area.bottom - rows.count
        for (index, text) in rows.enumerated() {
            let row = Rect(x: area.x, y: top + index, width: area.width, height: 1)
            // A wrapped notice covers the panels' bottom rows: filled across, no panel shows between its words.
            if rows.count > 1 { grid.fill(row, with: Cell(" ", style: style)) }
            grid.put(" " + text + " ", at: row.x, row.y, style: style, clip: row)
        }
    }
}
