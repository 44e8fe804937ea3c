import TerminalUI

/// The compare screen: the runs' columns (``compareView(_:size:)-([AppState],_)``), the newest
/// notice of the screen or of any run in the footer, and the help over the body.
public func compareView(_ state: CompareState, size: (columns: Int, rows: Int)) -> CellGrid {
    var grid = compareView(state.runs, size: size)
    guard let first = state.runs.first, size.columns >= minimumTerminalSize.columns,
          size.rows >= minimumTerminalSize.rows else { return grid }
    let palette = Palette(theme: first.theme, display: first.display)
    let (body, footer) = grid.bounds.splitBottom(1)
    if state.showsHelp { HelpOverlay(palette: palette, keys: HelpOverlay.compareKeys).render(into: &grid, area: body) }
    if let notice = state.currentNotice {
        grid.fill(footer, with: Cell(" ", style: palette.base))
        NoticeLine(notice: notice, palette: palette).render(into: &grid, area: grid.bounds)
    }
    return grid
}

/// Several runs side by side (`ganscope compare`): a column per run with its state, samples and
/// losses, each drawn by the panels of a single run, and under them the FCD of every run over
/// time in one chart, where the models' progress compares on one scale. Pure, as ``view(_:size:)``.
/// The first run's theme and terminal capabilities style the whole screen.
public func compareView(_ runs: [AppState], size: (columns: Int, rows: Int)) -> CellGrid {
    guard let first = runs.first else { return CellGrid(width: size.columns, height: size.rows, filledWith: Cell(" ")) }
    let palette = Palette(theme: first.theme, display: first.display)
    guard var grid = emptyScreen(palette: palette, size: size) else {
        return tooSmallScreen(first, palette: palette, size: size)
    }
    let (body, footer) = grid.bounds.splitBottom(1)
    grid.put(" " + ["space pause", "s snapshot", "? help", "q quit"].joined(separator: palette.dot), at: footer.x, footer.y,
             style: palette.muted, clip: footer)
    let chart = FrechetChart(runs: runs, palette: palette)
    let parts = chart.hasValues ? body.split(.vertical, [.fill(3), .fill(1)]) : [body]
    let columns = parts[0].split(.horizontal, runs.map { _ in .fill(1) })
    for (run, column) in zip(runs, columns) {
        let (header, panels) = column.splitTop(1)
        grid.put(" " + compareHeader(run, palette: palette), at: header.x, header.y, style: palette.title, clip: header)
        let stacked = panels.split(.vertical, [.fill(3), .fill(2)])
        // No key hints in the titles: the compare screen has none of a single run's panel keys.
        PanelView(panel: .samples, state: run, palette: palette, showsKeyHints: false).render(into: &grid, area: stacked[0])
        PanelView(panel: .losses, state: run, palette: palette).render(into: &grid, area: stacked[1])
    }
    if parts.count > 1 {
        Block(title: "FCD over time (lower is closer to the data)", glyphs: palette.glyphs, borderStyle: palette.border,
              titleStyle: palette.title).render(into: &grid, area: parts[1])
        chart.render(into: &grid, area: parts[1].inset(horizontal: 2, vertical: 1))
    }
    return grid
}

/// A column's first row: the model, its step, its trainer's state and its last snapshot.
private func compareHeader(_ run: AppState, palette: Palette) -> String {
    let step = run.latest.map { "\(palette.dot)step \($0.step)" } ?? ""
    let snapshot = run.lastSnapshot.map { "\(palette.dot)saved step \($0.step)" } ?? ""
    return "\(run.model.shortName)\(step)\(palette.dot)\(StatusLine(state: run, palette: palette).stateLabel)\(snapshot)"
}
