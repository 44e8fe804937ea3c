import TerminalUI

/// The bottom row: the newest notice, or the main keys when there is none.
struct FooterLine: Widget {
    let state: AppState
    let palette: Palette

    static let hints = "space pause · s snapshot · ←/→ explore · tab focus · enter zoom · t theme · ? help · q quit"

    func render(into grid: inout CellGrid, area: Rect) {
        guard let notice = state.currentNotice else {
            grid.put(" " + Self.hints, at: area.x, area.y, style: palette.muted, clip: area)
            return
        }
        let style: Style
        switch notice.level {
        case .info: style = palette.title
        case .warning: style = palette.warning
        case .error: style = palette.error
        }
        grid.put(" " + notice.text + " ", at: area.x, area.y, style: style, clip: area)
    }
}
