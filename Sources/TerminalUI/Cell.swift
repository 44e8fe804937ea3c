/// One terminal cell: a single user-perceived character and its style.
///
/// A double-width character (CJK, most emoji) occupies its own cell and the next one; the next
/// cell is then marked ``isWideTail`` and backends skip it. Box-drawing and braille characters
/// are one column wide.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    /// True when this cell is covered by the double-width character on its left.
    public var isWideTail: Bool

    /// A space in the default style.
    public static let blank = Cell(" ")

    public init(_ character: Character, style: Style = .plain) {
        self.character = character
        self.style = style
        self.isWideTail = false
    }

    /// The right half of a double-width character with the given style.
    static func wideTail(style: Style) -> Cell {
        var cell = Cell(" ", style: style)
        cell.isWideTail = true
        return cell
    }
}
