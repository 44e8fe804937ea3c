/// A plotting surface of dots over a block of cells, shared by the chart and the scatter plot.
///
/// In braille mode each cell holds 2×4 dots (a braille pattern, U+2800 plus one bit per dot);
/// otherwise each cell is one dot drawn with a mark character. The last style to set a dot in a
/// cell colours the whole cell, since a cell has one foreground colour.
struct DotCanvas {
    let columns: Int
    let rows: Int
    let braille: Bool
    private var bits: [UInt8]
    private var marks: [Character?]
    private var styles: [Style?]

    /// Braille bit for dot (column dx in 0...1, row dy in 0...3) of a cell.
    private static let brailleBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    init(columns: Int, rows: Int, braille: Bool) {
        self.columns = max(columns, 0)
        self.rows = max(rows, 0)
        self.braille = braille
        let count = self.columns * self.rows
        bits = Array(repeating: 0, count: count)
        marks = Array(repeating: nil, count: count)
        styles = Array(repeating: nil, count: count)
    }

    /// Dots across.
    var dotWidth: Int { columns * (braille ? 2 : 1) }
    /// Dots down.
    var dotHeight: Int { rows * (braille ? 4 : 1) }

    /// Sets one dot; out-of-range dots are ignored.
    mutating func set(_ x: Int, _ y: Int, style: Style, mark: Character) {
        guard x >= 0, x < dotWidth, y >= 0, y < dotHeight else { return }
        let cellX = braille ? x / 2 : x, cellY = braille ? y / 4 : y
        let index = cellY * columns + cellX
        if braille { bits[index] |= Self.brailleBits[x % 2][y % 4] }
        marks[index] = mark
        styles[index] = style
    }

    /// Sets the dots on a straight line between two dots (both ends included).
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), style: Style, mark: Character) {
        let dx = abs(end.x - start.x), dy = -abs(end.y - start.y)
        let stepX = start.x < end.x ? 1 : -1, stepY = start.y < end.y ? 1 : -1
        var x = start.x, y = start.y, error = dx + dy
        while true {
            set(x, y, style: style, mark: mark)
            if x == end.x && y == end.y { return }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
    }

    /// Draws the cells that hold dots with their top-left at (x, y). A style without its own
    /// background keeps the background already in the grid (e.g. a heat map).
    func render(into grid: inout CellGrid, x originX: Int, y originY: Int) {
        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * columns + column
                guard var style = styles[index], let mark = marks[index] else { continue }
                let x = originX + column, y = originY + row
                if style.background == .default { style.background = grid[x, y].style.background }
                let character = braille ? Character(Unicode.Scalar(0x2800 + UInt32(bits[index])) ?? " ") : mark
                grid.set(character, at: x, y, style: style)
            }
        }
    }
}
