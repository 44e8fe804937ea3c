import TerminalUI

/// The smallest terminal the dashboard lays out; below it ``TooSmallView`` asks for more room.
public let minimumTerminalSize = (columns: 80, rows: 24)

/// Draws the whole screen for `state` at `size`. Pure: the layout is recomputed from the size
/// every frame, so a resize needs nothing special.
public func view(_ state: AppState, size: (columns: Int, rows: Int)) -> CellGrid {
    let palette = Palette(theme: state.theme, display: state.display)
    guard var grid = emptyScreen(palette: palette, size: size) else {
        return tooSmallScreen(state, palette: palette, size: size)
    }
    let (status, rest) = grid.bounds.splitTop(1)
    let body = rest.splitBottom(1).rest
    StatusLine(state: state, palette: palette).render(into: &grid, area: status)
    for (panel, area) in DashboardLayout(state: state).areas(in: body) {
        PanelView(panel: panel, state: state, palette: palette).render(into: &grid, area: area)
    }
    if let panel = state.controlPanel, let settings = state.settings {
        ControlPanelOverlay(panel: panel, settings: settings, palette: palette).render(into: &grid, area: body)
    }
    if state.showsHelp { HelpOverlay(palette: palette, model: state.model).render(into: &grid, area: body) }
    FooterLine(state: state, palette: palette).render(into: &grid, area: rest)
    return grid
}

/// A screen of `size` in the palette's background, or nil below ``minimumTerminalSize``.
func emptyScreen(palette: Palette, size: (columns: Int, rows: Int)) -> CellGrid? {
    guard size.columns >= minimumTerminalSize.columns, size.rows >= minimumTerminalSize.rows else { return nil }
    return CellGrid(width: size.columns, height: size.rows, filledWith: Cell(" ", style: palette.base))
}

/// What a terminal below the minimum size shows: ``TooSmallView`` with `state`'s trainer state.
func tooSmallScreen(_ state: AppState, palette: Palette, size: (columns: Int, rows: Int)) -> CellGrid {
    var grid = CellGrid(width: size.columns, height: size.rows, filledWith: Cell(" ", style: palette.base))
    TooSmallView(state: state, palette: palette).render(into: &grid, area: grid.bounds)
    return grid
}
