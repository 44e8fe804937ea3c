import TerminalUI

/// A notice on one row, in its level's colour.
struct NoticeLine: Widget {
    let notice: Notice
    let palette: Palette

    func render(into grid: inout CellGrid, area: Rect) {
        let style: Style
        switch notice.level {
        case .info: style = palette.title
        case .warning: style = palette.warning
        case .error: style = palette.error
        }
        grid.put(" " + notice.text + " ", at: area.x, area.y, style: style, clip: area)
    }
}
