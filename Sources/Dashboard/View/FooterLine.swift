import TerminalUI

/// The bottom row: the main keys, or the newest notice instead (which may wrap upwards over the
/// panels, so it is drawn after them, on the area above the status line).
struct FooterLine: Widget {
    let state: AppState
    let palette: Palette

    /// This mode's main keys in the order they show, each with its rank (0 the most useful): a
    /// narrow terminal drops the least useful ones, so that quit, help and pause (or the
    /// explorer's walk) always show whole instead of the line being cut off at the edge.
    var keys: [(text: String, rank: Int)] {
        let latentMapKey = state.latentViews.count > 1 ? [("z map", 5)] : []
        return state.mode == .training
            ? [("space pause", 2), ("s snapshot", 3), (palette.text("←/→ explore", ascii: "left/right explore"), 4)]
                + latentMapKey + [("tab focus", 6), ("enter zoom", 7), ("t theme", 8), ("? help", 1), ("q quit", 0)]
            : [(palette.text("←/→ walk", ascii: "left/right walk"), 2), (palette.text("↑/↓ dim", ascii: "up/down dim"), 3),
               ("+/- nudge", 5), ("a/b endpoint", 4), ("r new ends", 6), ("l lerp/slerp", 7), ("t theme", 8),
               ("? help", 1), ("q quit", 0)]
    }

    /// The most useful keys that fit in `width` columns (by rank, stopping at the first that does
    /// not fit), in their order, separated by `·` (or `-` in ASCII).
    func hints(fitting width: Int) -> String {
        let keys = keys
        var shown = Set<Int>(), used = 0
        for index in keys.indices.sorted(by: { keys[$0].rank < keys[$1].rank }) {
            let extra = keys[index].text.terminalWidth + (shown.isEmpty ? 0 : palette.dot.terminalWidth)
            guard used + extra <= width else { break }
            shown.insert(index)
            used += extra
        }
        return keys.indices.filter(shown.contains).map { keys[$0].text }.joined(separator: palette.dot)
    }

    func render(into grid: inout CellGrid, area: Rect) {
        guard let notice = state.currentNotice else {
            grid.put(" " + hints(fitting: area.width - 1), at: area.x, area.bottom - 1, style: palette.muted, clip: area)
            return
        }
        NoticeLine(notice: notice, palette: palette).render(into: &grid, area: area)
    }
}
