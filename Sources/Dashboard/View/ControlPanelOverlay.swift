import GAN
import TerminalUI

/// The control panel (`c`), over the body: one row per setting with its value in force, the
/// chosen row marked, and the keys at the bottom.
struct ControlPanelOverlay: Widget {
    let panel: ControlPanel
    let settings: TrainingConfig
    let palette: Palette

    func render(into grid: inout CellGrid, area: Rect) {
        let rows = ControlPanel.Row.allCases
        let width = rows.map { ControlPanel.label(of: $0).count }.max() ?? 0
        var lines = rows.map { row in
            let chosen = row == panel.selection
            let value = ControlPanel.value(of: row, in: settings)
            let shown = chosen ? palette.text("◀ \(value) ▶", ascii: "< \(value) >") : "  \(value)  "
            return TextLine([Span((chosen ? "> " : "  ") + ControlPanel.label(of: row).padded(to: width + 2),
                                  style: chosen ? palette.title : palette.text),
                             Span(shown, style: chosen ? palette.focusBorder : palette.text)])
        }
        lines.append(TextLine([Span("")]))
        lines.append(TextLine([Span(palette.text("↑↓ choose · ←→ change · enter or esc closes",
                                                 ascii: "up/down choose, left/right change, enter or esc closes"),
                                    style: palette.text)]))
        Overlay(title: "Controls (from the next update)", lines: lines, glyphs: palette.glyphs, style: palette.text,
                titleStyle: palette.focusBorder).render(into: &grid, area: area)
    }
}
