import TerminalUI

/// What a terminal below 80×24 shows instead of a cramped dashboard: the size needed, and the
/// trainer's state so a small window still says whether training goes on.
struct TooSmallView: Widget {
    let state: AppState
    let palette: Palette

    private var times: String { palette.text("×", ascii: "x") }

    func render(into grid: inout CellGrid, area: Rect) {
        var lines: [TextLine] = [
            TextLine("Please enlarge the terminal", style: palette.warning, alignment: .center),
            TextLine("ganscope needs \(minimumTerminalSize.columns)\(times)\(minimumTerminalSize.rows); "
                     + "this one is \(area.width)\(times)\(area.height)", style: palette.text, alignment: .center),
        ]
        let status = StatusLine(state: state, palette: palette)
        let step = state.latest.map { palette.separator + "step \($0.step)" } ?? ""
        lines.append(TextLine(status.stateLabel + step, style: palette.muted, alignment: .center))
        lines.append(TextLine("q quits", style: palette.muted, alignment: .center))
        let top = area.y + max(area.height - lines.count, 0) / 2
        TextLines(lines).render(into: &grid, area: Rect(x: area.x, y: top, width: area.width, height: area.bottom - top))
    }
}
