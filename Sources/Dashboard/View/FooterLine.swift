import TerminalUI

/// The bottom row: the newest notice, or the main keys when there is none.
struct FooterLine: Widget {
    let state: AppState
    let palette: Palette

    /// The main keys of this mode, separated by `·` (or `|` in ASCII).
    var hints: String {
        let latentMapKey = state.latentViews.count > 1 ? ["z map"] : []
        let keys = state.mode == .training
            ? ["space pause", "s snapshot", palette.text("←/→ explore", ascii: "left/right explore")] + latentMapKey
              + ["tab focus", "enter zoom", "t theme", "? help", "q quit"]
            : [palette.text("←/→ walk", ascii: "left/right walk"), palette.text("↑/↓ dim", ascii: "up/down dim"),
               "+/- nudge", "a/b endpoint", "r new ends", "l lerp/slerp", "t theme", "? help", "q quit"]
        return keys.joined(separator: palette.dot)
    }

    func render(into grid: inout CellGrid, area: Rect) {
        guard let notice = state.currentNotice else {
            grid.put(" " + hints, at: area.x, area.y, style: palette.muted, clip: area)
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
