/// A box: a border with an optional title on the top edge.
///
/// The inside is left as it was; draw the content into ``inner(_:)``.
public struct Block: Widget {
    public var title: String?
    public var glyphs: Glyphs
    public var borderStyle: Style
    public var titleStyle: Style

    public init(title: String? = nil, glyphs: Glyphs, borderStyle: Style = .plain, titleStyle: Style = .plain) {
        self.title = title
        self.glyphs = glyphs
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
    }

    /// The area inside the border.
    public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let left = area.x, right = area.right - 1, top = area.y, bottom = area.bottom - 1
        for x in (left + 1)..<right {
            grid.set(glyphs.horizontal, at: x, top, style: borderStyle)
            grid.set(glyphs.horizontal, at: x, bottom, style: borderStyle)
        }
        for y in (top + 1)..<bottom {
            grid.set(glyphs.vertical, at: left, y, style: borderStyle)
            grid.set(glyphs.vertical, at: right, y, style: borderStyle)
        }
        grid.set(glyphs.topLeft, at: left, top, style: borderStyle)
        grid.set(glyphs.topRight, at: right, top, style: borderStyle)
        grid.set(glyphs.bottomLeft, at: left, bottom, style: borderStyle)
        grid.set(glyphs.bottomRight, at: right, bottom, style: borderStyle)
        if let title, !title.isEmpty {
            // One corner and one border cell stay visible on each side so the box still reads as a box.
            let clip = Rect(x: left + 1, y: top, width: area.width - 3, height: 1)
            grid.put(" \(title) ", at: left + 1, top, style: titleStyle, clip: clip)
        }
    }
}
