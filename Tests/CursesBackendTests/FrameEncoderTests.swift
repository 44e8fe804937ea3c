import Testing
import TerminalUI
@testable import CursesBackend

/// The bytes a frame becomes, checked against hand-written ANSI sequences.
@Suite struct FrameEncoderTests {
    /// xterm-256color's strings, spelled out so the expected bytes below can be read.
    private static let xterm = TerminalEscapes(
        reset: Array("\u{1B}[m".utf8), bold: Array("\u{1B}[1m".utf8), dim: Array("\u{1B}[2m".utf8),
        reverse: Array("\u{1B}[7m".utf8),
        foreground: (0..<256).map { Array("\u{1B}[38;5;\($0)m".utf8) },
        background: (0..<256).map { Array("\u{1B}[48;5;\($0)m".utf8) },
        moveTo: { row, column in Array("\u{1B}[\(row + 1);\(column + 1)H".utf8) },
        canWriteBottomRight: true)

    private func encode(_ grid: CellGrid, over previous: CellGrid? = nil, escapes: TerminalEscapes = xterm,
                        columns: Int? = nil, rows: Int? = nil) -> String {
        var bytes: [UInt8] = []
        FrameEncoder(escapes: escapes).encode(grid, over: previous, columns: columns ?? grid.width,
                                              rows: rows ?? grid.height, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func aRunNeedsOneMoveAndOneStyleChange() {
        var grid = CellGrid(width: 6, height: 2)
        grid.put("ab", at: 1, 0, style: Style(foreground: .indexed(196), background: .indexed(17)))
        grid.put("c", at: 4, 1)
        let previous = CellGrid(width: 6, height: 2, filledWith: Cell("x"))
        // Row 0 is all changed: the plain blank at 0, the coloured run, plain blanks to the edge.
        // The edge leaves the cursor waiting to wrap, so row 1 starts with a move.
        #expect(encode(grid, over: previous) ==
            "\u{1B}[1;1H \u{1B}[38;5;196m\u{1B}[48;5;17mab\u{1B}[m   \u{1B}[2;1H    c ")
    }

    /// 24-bit colours go out as SGR 38;2 / 48;2 where the terminal takes them, else as the
    /// nearest palette colour.
    @Test func directColoursAsTheyAreOrAsTheNearestPaletteColour() {
        var grid = CellGrid(width: 1, height: 1)
        grid.put("▀", at: 0, 0, style: Style(foreground: .direct(red: 255, green: 0, blue: 0),
                                             background: .direct(red: 7, green: 80, blue: 230)))
        var direct = Self.xterm
        direct.directColor = true
        #expect(encode(grid, escapes: direct) == "\u{1B}[1;1H\u{1B}[38;2;255;0;0m\u{1B}[48;2;7;80;230m▀\u{1B}[m")
        #expect(encode(grid) == "\u{1B}[1;1H\u{1B}[38;5;196m\u{1B}[48;5;26m▀\u{1B}[m")
    }

    @Test func directColourEntriesWritePaletteColoursAsSGR() {
        #expect(String(decoding: TerminalEscapes.paletteSGR(196, background: false), as: UTF8.self) == "\u{1B}[38;5;196m")
        #expect(String(decoding: TerminalEscapes.paletteSGR(7, background: true), as: UTF8.self) == "\u{1B}[48;5;7m")
    }

    @Test func unchangedCellsAreSkippedWithAMoveOverThem() {
        let previous = CellGrid(width: 5, height: 1)
        var grid = previous
        grid.put("a", at: 1, 0)
        grid.put("b", at: 3, 0)
        #expect(encode(grid, over: previous) == "\u{1B}[1;2Ha\u{1B}[1;4Hb")
        #expect(encode(previous, over: previous).isEmpty)
    }

    @Test func droppingAnAttributeOrAColourResetsAndSetsTheRest() {
        var grid = CellGrid(width: 3, height: 1)
        grid[0, 0] = Cell("a", style: Style(foreground: .indexed(2), bold: true, reverse: true))
        grid[1, 0] = Cell("b", style: Style(foreground: .indexed(2), reverse: true))
        grid[2, 0] = Cell("c", style: Style(background: .indexed(5), dim: true))
        let previous = CellGrid(width: 3, height: 1, filledWith: Cell("x"))
        #expect(encode(grid, over: previous) ==
            "\u{1B}[1;1H\u{1B}[1m\u{1B}[7m\u{1B}[38;5;2ma"
            + "\u{1B}[m\u{1B}[7m\u{1B}[38;5;2mb"
            + "\u{1B}[m\u{1B}[2m\u{1B}[48;5;5mc\u{1B}[m")
    }

    @Test func addingAnAttributeKeepsTheColours() {
        var grid = CellGrid(width: 2, height: 1)
        grid[0, 0] = Cell("a", style: Style(foreground: .indexed(9)))
        grid[1, 0] = Cell("b", style: Style(foreground: .indexed(9), bold: true))
        #expect(encode(grid, over: CellGrid(width: 2, height: 1, filledWith: Cell("x"))) ==
            "\u{1B}[1;1H\u{1B}[38;5;9ma\u{1B}[1mb\u{1B}[m")
    }

    @Test func wideCharactersAreWrittenOnceAndAdvanceTwoColumns() {
        var grid = CellGrid(width: 5, height: 1)
        grid.put("日x", at: 0, 0)
        grid.put("▀", at: 4, 0)
        // The tail at column 1 is skipped and the cursor is at column 2 after 日: no move.
        #expect(encode(grid, over: CellGrid(width: 5, height: 1, filledWith: Cell("z"))) ==
            "\u{1B}[1;1H日x ▀")
        // A wide character that no longer fits a narrower screen is dropped.
        var edge = CellGrid(width: 3, height: 1)
        edge.put("a日", at: 0, 0)
        #expect(encode(edge, over: CellGrid(width: 3, height: 1, filledWith: Cell("z")), columns: 2) == "\u{1B}[1;1Ha")
    }

    @Test func combiningMarksTravelWithTheirCharacter() {
        var grid = CellGrid(width: 2, height: 1)
        grid.put("e\u{301}!", at: 0, 0)
        #expect(encode(grid) == "\u{1B}[1;1He\u{301}!")
    }

    @Test func theBottomRightCellOnlyWhereItDoesNotScroll() {
        var grid = CellGrid(width: 2, height: 2)
        grid.put("ab", at: 0, 1)
        let previous = CellGrid(width: 2, height: 2)
        #expect(encode(grid, over: previous) == "\u{1B}[2;1Hab")
        let scrolling = TerminalEscapes(
            reset: Self.xterm.reset, bold: Self.xterm.bold, dim: Self.xterm.dim, reverse: Self.xterm.reverse,
            foreground: Self.xterm.foreground, background: Self.xterm.background, moveTo: Self.xterm.moveTo,
            canWriteBottomRight: false)
        #expect(encode(grid, over: previous, escapes: scrolling) == "\u{1B}[2;1Ha")
    }

    @Test func aFirstFrameWritesEveryCellAndAGridLargerThanTheScreenIsClipped() {
        var grid = CellGrid(width: 4, height: 3, filledWith: Cell("x"))
        grid.put("y", at: 0, 1, style: Style(foreground: .indexed(1)))
        #expect(encode(grid, columns: 2, rows: 2) == "\u{1B}[1;1Hxx\u{1B}[2;1H\u{1B}[38;5;1my\u{1B}[mx")
    }

    @Test func halfBlocksTakeTheFormThatKeepsTheTerminalsColours() {
        var grid = CellGrid(width: 6, height: 1)
        grid[0, 0] = Cell("▀", style: Style(foreground: .indexed(196), background: .indexed(17)))
        // The same two colours the other way up: ▄ draws it without a colour change.
        grid[1, 0] = Cell("▀", style: Style(foreground: .indexed(17), background: .indexed(196)))
        // One colour in both halves: a space on the background the terminal has…
        grid[2, 0] = Cell("▄", style: Style(foreground: .indexed(17), background: .indexed(17)))
        // …or a full block in the foreground it has.
        grid[3, 0] = Cell("▀", style: Style(foreground: .indexed(196), background: .indexed(196)))
        // Bold, or a default colour, keeps the glyph and colours it was given.
        grid[4, 0] = Cell("▀", style: Style(foreground: .indexed(196), background: .indexed(17), bold: true))
        grid[5, 0] = Cell("▄", style: Style(foreground: .indexed(196)))
        #expect(encode(grid) ==
            "\u{1B}[1;1H\u{1B}[38;5;196m\u{1B}[48;5;17m▀▄ █"
            + "\u{1B}[1m▀\u{1B}[m\u{1B}[38;5;196m▄\u{1B}[m")
    }
}
