/// A centred message box over whatever is below: help, alerts, confirmations.
///
/// It clears its own rectangle, draws a titled border and the lines inside with one column of
/// padding, and shrinks (clipping its text) when the area is small.
public struct Overlay: Widget {
    public var title: String
    public var lines: [TextLine]
    public var glyphs: Glyphs
    /// The style of the box's background and border.
    public var style: Style
    public var titleStyle: Style

    public init(title: String, lines: [TextLine], glyphs: Glyphs, style: Style = .plain, titleStyle: Style = Style(bold: true)) {
        self.title = title
        self.lines = lines
        self.glyphs = glyphs
        self.style = style
        self.titleStyle = titleStyle
    }

    /// The box's rectangle, centred in `area`.
    public func box(in area: Rect) -> Rect {
        let contentWidth = max(lines.map(\.width).max() ?? 0, title.terminalWidth + 2)
        let width = min(contentWidth + 4, area.width), height = min(lines.count + 2, area.height)
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2,
                    width: width, height: height)
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        let frame = box(in: area)
        grid.fill(frame, with: Cell(" ", style: style))
        let block = Block(title: title, glyphs: glyphs, borderStyle: style, titleStyle: titleStyle)
        block.render(into: &grid, area: frame)
        TextLines(lines).render(into: &grid, area: block.inner(frame).inset(horizontal: 1, vertical: 0))
    }
}
