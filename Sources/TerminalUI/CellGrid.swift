/// A width×height grid of cells that widgets draw into and backends copy to the screen.
///
/// Reads outside the grid return a blank cell and writes outside it are ignored, so widgets can
/// draw without bounds checks of their own.
public struct CellGrid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// The cells in row-major order (`cells[y * width + x]`).
    public private(set) var cells: [Cell]

    /// A grid filled with `cell` (blank by default).
    public init(width: Int, height: Int, filledWith cell: Cell = .blank) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        self.cells = Array(repeating: cell, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, x < width, y >= 0, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes one character with a style at (x, y), keeping the cell's other state consistent.
    public mutating func set(_ character: Character, at x: Int, _ y: Int, style: Style) {
        self[x, y] = Cell(character, style: style)
    }

    /// Changes only the style of the cell at (x, y).
    public mutating func setStyle(_ style: Style, at x: Int, _ y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        cells[y * width + x].style = style
    }

    /// Writes a string on one row starting at (x, y), clipped to `clip` (the whole grid if nil).
    ///
    /// Double-width characters take two cells; one that would straddle the clip edge is dropped.
    /// Zero-width characters are skipped.
    /// - Returns: the number of columns advanced (written or clipped on the left).
    @discardableResult
    public mutating func put(_ string: String, at x: Int, _ y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let limit = (clip ?? bounds).intersection(bounds)
        guard y >= limit.y, y < limit.bottom else { return 0 }
        var column = x
        for character in string {
            let width = character.terminalWidth
            if width == 0 { continue }
            if column + width > limit.right { break }
            if column >= limit.x {
                self[column, y] = Cell(character, style: style)
                if width == 2 { self[column + 1, y] = .wideTail(style: style) }
            }
            column += width
        }
        return column - x
    }

    /// Fills a rectangle (clipped to the grid) with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let area = rect.intersection(bounds)
        for row in area.y..<area.bottom {
            let start = row * width + area.x
            for index in start..<(start + area.width) { cells[index] = cell }
        }
    }

    /// Copies another grid into this one with its top-left corner at (x, y), clipped.
    public mutating func paste(_ other: CellGrid, at x: Int, _ y: Int) {
        for row in 0..<other.height {
            for column in 0..<other.width { self[x + column, y + row] = other[column, row] }
        }
    }

    /// The characters of each row, for tests and logs (wide tails are omitted, so a row of a
    /// wide character reads naturally).
    public func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !cells[row * width + column].isWideTail {
                line.append(cells[row * width + column].character)
            }
            return line
        }
    }
}
