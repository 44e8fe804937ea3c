import TerminalUI

/// A centred line of text for a panel with nothing to show yet.
enum Placeholder {
    static func render(_ text: String, into grid: inout CellGrid, area: Rect, style: Style) {
        guard area.height > 0 else { return }
        let row = Rect(x: area.x, y: area.y + (area.height - 1) / 2, width: area.width, height: 1)
        TextLines([TextLine(text, style: style, alignment: .center)]).render(into: &grid, area: row)
    }
}
