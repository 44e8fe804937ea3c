/// A paragraph: one ``TextLine`` per row, clipped to the area (no wrapping).
public struct TextLines: Widget {
    public var lines: [TextLine]

    public init(_ lines: [TextLine]) {
        self.lines = lines
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        for (row, line) in lines.prefix(area.height).enumerated() {
            let y = area.y + row
            var x: Int
            switch line.alignment {
            case .left: x = area.x
            case .center: x = area.x + max(area.width - line.width, 0) / 2
            case .right: x = area.x + max(area.width - line.width, 0)
            }
            for span in line.spans {
                x += grid.put(span.text, at: x, y, style: span.style, clip: area)
            }
        }
    }
}
