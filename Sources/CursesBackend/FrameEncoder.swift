import TerminalUI

/// Turns the difference between two frames into the bytes that update a terminal: a cursor move
/// only where a run of changed cells breaks, a style change only where the style differs, and
/// each character in UTF-8. A pure function of its inputs, so the bytes can be checked in tests.
struct FrameEncoder {
    let escapes: TerminalEscapes

    /// Appends to `output` what turns a screen showing `previous` (nil: a blank screen in the
    /// default style, or unknown contents already cleared) into one showing `grid`, drawn within
    /// `columns`×`rows`. Ends in the default style, so whoever writes next starts from a known
    /// state. Wide-character tails are skipped (the character covers them); a wide character that
    /// would cross the right edge is dropped.
    func encode(_ grid: CellGrid, over previous: CellGrid?, columns: Int, rows: Int, into output: inout [UInt8]) {
        let columns = min(grid.width, columns), lastRow = min(grid.height, rows) - 1
        // Where the terminal's cursor is (nil: unknown, e.g. waiting to wrap at the right edge).
        var cursor: (row: Int, column: Int)?
        // The style the terminal draws with; the caller leaves it at the default.
        var current = Style.plain
        grid.forEachChange(over: previous, columns: columns, rows: rows) { column, row, index, cell in
            // The grid marks a wide character's second column, which is cheaper than measuring
            // the character.
            let width = column + 1 < grid.width && grid.cells[index + 1].isWideTail ? 2 : 1
            guard column + width <= columns else { return }
            if row == lastRow, column + width == columns, !escapes.canWriteBottomRight { return }
            if cursor.map({ $0 != (row, column) }) ?? true {
                output.append(contentsOf: escapes.moveTo(row, column))
            }
            let (character, style) = cheapestForm(of: cell, after: current)
            if style != current {
                appendStyleChange(from: current, to: style, into: &output)
                current = style
            }
            output.append(contentsOf: character.utf8)
            cursor = column + width < columns ? (row, column + width) : nil
        }
        if current != .plain { output.append(contentsOf: escapes.reset) }
    }

    /// A half block shows a top and a bottom colour, and the same picture can be drawn as ▀ or ▄
    /// with the colours swapped, or, when both halves match, as a space on that background or a
    /// full block in that foreground. Picture cells change colour almost every cell, so choosing
    /// the form that keeps a colour the terminal already has cuts a fifth of a sample-grid
    /// frame's bytes, and the time the terminal takes to read them. Other cells, and half blocks
    /// with attributes (bold can brighten a colour) or a default colour, are drawn as they are.
    private func cheapestForm(of cell: Cell, after current: Style) -> (Character, Style) {
        let style = cell.style
        guard !style.bold, !style.dim, !style.reverse, style.foreground != .default, style.background != .default,
              let scalar = cell.character.unicodeScalars.first?.value,
              scalar == Self.upperHalf || scalar == Self.lowerHalf, cell.character.unicodeScalars.count == 1
        else { return (cell.character, style) }
        let (top, bottom) = scalar == Self.upperHalf
            ? (style.foreground, style.background) : (style.background, style.foreground)
        func changes(_ foreground: Color, _ background: Color) -> Int {
            (foreground == current.foreground ? 0 : 1) + (background == current.background ? 0 : 1)
        }
        var best = (character: cell.character, style: style, changes: changes(style.foreground, style.background))
        func consider(_ character: Character, _ foreground: Color, _ background: Color) {
            let count = changes(foreground, background)
            if count < best.changes { best = (character, Style(foreground: foreground, background: background), count) }
        }
        consider("▀", top, bottom)
        consider("▄", bottom, top)
        if top == bottom {
            consider(" ", current.foreground, top)
            consider("█", top, current.background)
        }
        return (best.character, best.style)
    }

    private static let upperHalf: UInt32 = 0x2580, lowerHalf: UInt32 = 0x2584

    /// The switches from one style to another. Attributes can only be turned off all together
    /// (`sgr0`), which also resets the colours, so dropping an attribute or going back to a
    /// default colour resets first and then sets what the new style needs.
    private func appendStyleChange(from old: Style, to new: Style, into output: inout [UInt8]) {
        var base = old
        let dropsAttribute = (old.bold && !new.bold) || (old.dim && !new.dim) || (old.reverse && !new.reverse)
        let dropsColor = (old.foreground != .default && new.foreground == .default)
            || (old.background != .default && new.background == .default)
        if dropsAttribute || dropsColor {
            output.append(contentsOf: escapes.reset)
            base = .plain
        }
        if new.bold && !base.bold { output.append(contentsOf: escapes.bold) }
        if new.dim && !base.dim { output.append(contentsOf: escapes.dim) }
        if new.reverse && !base.reverse { output.append(contentsOf: escapes.reverse) }
        if new.foreground != base.foreground { appendColor(new.foreground, background: false, into: &output) }
        if new.background != base.background { appendColor(new.background, background: true, into: &output) }
    }

    /// The switch to `color`, which is not the default: a palette colour from the escapes, a
    /// 24-bit one as it is when the terminal takes them, else as the nearest palette colour.
    private func appendColor(_ color: Color, background: Bool, into output: inout [UInt8]) {
        switch escapes.directColor ? color : color.nearestIndexed {
        case .indexed(let index):
            output.append(contentsOf: background ? escapes.background[Int(index)] : escapes.foreground[Int(index)])
        case .direct(let red, let green, let blue):
            TerminalEscapes.appendDirect(red: red, green: green, blue: blue, background: background, into: &output)
        case .default:
            break
        }
    }
}
