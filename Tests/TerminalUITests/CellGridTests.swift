import Testing
@testable import TerminalUI

@Suite struct CellGridTests {
    @Test func putClipsToTheRectAndTheGrid() {
        var grid = CellGrid.filled(width: 8, height: 3)
        grid.put("hello world", at: 2, 0)
        grid.put("clipped", at: 1, 1, clip: Rect(x: 2, y: 1, width: 3, height: 1))
        grid.put("off", at: 0, 5)
        #expect(grid.lines() == [
            "xxhello ",
            "xxlipxxx",
            "xxxxxxxx",
        ])
    }

    @Test func wideCharactersTakeTwoCellsAndAreDroppedAtTheEdge() {
        var grid = CellGrid.filled(width: 5, height: 2)
        let advanced = grid.put("日本", at: 0, 0)
        grid.put("ab日本", at: 0, 1)
        #expect(advanced == 4)
        #expect(grid.lines() == ["日本x", "ab日x"])
        #expect(grid[1, 0].isWideTail)
        #expect(!grid[0, 0].isWideTail)
    }

    @Test func boxAndBrailleCharactersAreOneCellEach() {
        var grid = CellGrid.filled(width: 4, height: 1)
        grid.put("┌⣿▀█", at: 0, 0)
        #expect(grid.lines() == ["┌⣿▀█"])
        #expect(grid[3, 0].character == "█")
    }

    @Test func fillAndOutOfRangeAccess() {
        var grid = CellGrid.filled(width: 4, height: 3)
        grid.fill(Rect(x: 2, y: 1, width: 5, height: 5), with: Cell("#"))
        grid[9, 9] = Cell("!")
        #expect(grid[-1, 0] == .blank)
        #expect(grid.lines() == ["xxxx", "xx##", "xx##"])
    }

    @Test func textDifferenceNamesTheRowsThatDiffer() {
        let grid = CellGrid.filled(width: 2, height: 2)
        #expect(grid.textDifference(from: ["xx", "xx"]) == nil)
        let report = grid.textDifference(from: ["xx", "yy"])
        #expect(report?.contains("! yy | xx") == true)
    }

    @Test func rectHelpers() {
        let rect = Rect(x: 1, y: 2, width: 10, height: 5)
        #expect(rect.inset(by: 1) == Rect(x: 2, y: 3, width: 8, height: 3))
        #expect(rect.inset(by: 4).isEmpty)
        #expect(rect.splitTop(2).top == Rect(x: 1, y: 2, width: 10, height: 2))
        #expect(rect.splitBottom(2).bottom == Rect(x: 1, y: 5, width: 10, height: 2))
        #expect(rect.splitLeft(3).rest == Rect(x: 4, y: 2, width: 7, height: 5))
        #expect(rect.intersection(Rect(x: 8, y: 0, width: 10, height: 3)) == Rect(x: 8, y: 2, width: 3, height: 1))
        #expect(rect.contains(x: 10, y: 6) && !rect.contains(x: 11, y: 6))
    }

    @Test func terminalWidths() {
        #expect("abc".terminalWidth == 3)
        #expect("日本".terminalWidth == 4)
        #expect("e\u{301}".terminalWidth == 1)
        #expect(Character("\u{7}").terminalWidth == 0)
    }
}
