/// A rectangle of cells: origin at the top-left, sizes never negative.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(width, 0)
        self.height = max(height, 0)
    }

    /// A rectangle at the origin.
    public init(width: Int, height: Int) {
        self.init(x: 0, y: 0, width: width, height: height)
    }

    /// One past the last column.
    public var right: Int { x + width }
    /// One past the last row.
    public var bottom: Int { y + height }
    public var area: Int { width * height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "Rect(\(x), \(y), \(width)×\(height))" }

    /// Whether the cell at (x, y) lies inside.
    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < right && row >= y && row < bottom
    }

    /// The rectangle shrunk by `margin` on every side (empty when nothing is left).
    public func inset(by margin: Int) -> Rect {
        inset(horizontal: margin, vertical: margin)
    }

    /// The rectangle shrunk by separate horizontal and vertical margins.
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
    }

    /// The overlap of two rectangles (empty, at this origin, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let w = min(right, other.right) - left, h = min(bottom, other.bottom) - top
        guard w > 0, h > 0 else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: w, height: h)
    }

    /// Splits off the top `rows` rows: (top, rest).
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(rows, 0), height)
        return (Rect(x: x, y: y, width: width, height: taken),
                Rect(x: x, y: y + taken, width: width, height: height - taken))
    }

    /// Splits off the bottom `rows` rows: (rest, bottom).
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(rows, 0), height)
        return (Rect(x: x, y: y, width: width, height: height - taken),
                Rect(x: x, y: bottom - taken, width: width, height: taken))
    }

    /// Splits off the left `columns` columns: (left, rest).
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(columns, 0), width)
        return (Rect(x: x, y: y, width: taken, height: height),
                Rect(x: x + taken, y: y, width: width - taken, height: height))
    }

    /// Splits by constraints along a direction; see ``Layout/split(_:direction:constraints:spacing:)``.
    public func split(_ direction: Layout.Direction, _ constraints: [Layout.Constraint], spacing: Int = 0) -> [Rect] {
        Layout.split(self, direction: direction, constraints: constraints, spacing: spacing)
    }
}
