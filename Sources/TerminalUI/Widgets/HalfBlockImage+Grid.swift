extension HalfBlockImage {
    /// The cells one image takes at 1:1 scale: a column per pixel, a row per two pixel rows.
    public static func cellSize(imageWidth: Int, imageHeight: Int) -> (width: Int, height: Int) {
        (max(imageWidth, 0), (max(imageHeight, 0) + 1) / 2)
    }

    /// How many images of `imageWidth`×`imageHeight` pixels fit `area` at 1:1 scale in a grid
    /// with `gap` blank cells between neighbours.
    public static func gridCapacity(imageWidth: Int, imageHeight: Int, in area: Rect,
                                    gap: Int = 1) -> (columns: Int, rows: Int) {
        let cell = cellSize(imageWidth: imageWidth, imageHeight: imageHeight)
        guard cell.width > 0, cell.height > 0 else { return (0, 0) }
        return ((area.width + gap) / (cell.width + gap), (area.height + gap) / (cell.height + gap))
    }

    /// The rectangles of the first `count` grid slots, row by row, the grid centred in `area`.
    public static func gridSlots(imageWidth: Int, imageHeight: Int, in area: Rect, gap: Int = 1,
                                 count: Int) -> [Rect] {
        let capacity = gridCapacity(imageWidth: imageWidth, imageHeight: imageHeight, in: area, gap: gap)
        let cell = cellSize(imageWidth: imageWidth, imageHeight: imageHeight)
        let used = min(count, capacity.columns * capacity.rows)
        guard used > 0 else { return [] }
        let columns = min(capacity.columns, used)
        let rows = (used + columns - 1) / columns
        let left = area.x + (area.width - (columns * (cell.width + gap) - gap)) / 2
        let top = area.y + (area.height - (rows * (cell.height + gap) - gap)) / 2
        return (0..<used).map { slot in
            Rect(x: left + (slot % columns) * (cell.width + gap), y: top + (slot / columns) * (cell.height + gap),
                 width: cell.width, height: cell.height)
        }
    }
}
