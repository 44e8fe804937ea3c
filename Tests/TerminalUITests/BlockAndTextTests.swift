import Testing
@testable import TerminalUI

@Suite struct BlockAndTextTests {
    @Test func unicodeBlockWithTitle() {
        var grid = CellGrid.filled(width: 12, height: 4)
        let block = Block(title: "Loss", glyphs: .unicode)
        block.render(into: &grid, area: Rect(x: 1, y: 0, width: 10, height: 4))
        #expect(grid.lines() == [
            "x┌ Loss ──┐x",
            "x│xxxxxxxx│x",
            "x│xxxxxxxx│x",
            "x└────────┘x",
        ])
        #expect(block.inner(Rect(x: 1, y: 0, width: 10, height: 4)) == Rect(x: 2, y: 1, width: 8, height: 2))
    }

    @Test func asciiBlockClipsALongTitle() {
        var grid = CellGrid.filled(width: 8, height: 3)
        Block(title: "Discriminator", glyphs: .ascii).render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == [
            "+ Disc-+",
            "|xxxxxx|",
            "+------+",
        ])
    }

    @Test func blockTooSmallDrawsNothing() {
        var grid = CellGrid.filled(width: 3, height: 3)
        Block(glyphs: .unicode).render(into: &grid, area: Rect(width: 1, height: 3))
        #expect(grid.lines() == ["xxx", "xxx", "xxx"])
    }

    @Test func textLinesAlignAndClip() {
        var grid = CellGrid.filled(width: 8, height: 4)
        let bold = Style(bold: true)
        TextLines([
            TextLine([Span("ab"), Span("cd", style: bold)]),
            TextLine("mid", alignment: .center),
            TextLine("end", alignment: .right),
            TextLine("far too long"),
            TextLine("hidden"),
        ]).render(into: &grid, area: Rect(x: 1, y: 0, width: 6, height: 4))
        #expect(grid.lines() == [
            "xabcdxxx",
            "xxmidxxx",
            "xxxxendx",
            "xfar tox",
        ])
        #expect(grid[3, 0].style == bold)
        #expect(grid[2, 0].style == .plain)
    }

    @Test func overlayCentresABoxAndClearsBelow() {
        var grid = CellGrid.filled(width: 16, height: 6)
        let overlay = Overlay(title: "Help", lines: ["q quit", "? help"], glyphs: .ascii)
        overlay.render(into: &grid, area: grid.bounds)
        #expect(overlay.box(in: grid.bounds) == Rect(x: 3, y: 1, width: 10, height: 4))
        #expect(grid.lines() == [
            "xxxxxxxxxxxxxxxx",
            "xxx+ Help --+xxx",
            "xxx| q quit |xxx",
            "xxx| ? help |xxx",
            "xxx+--------+xxx",
            "xxxxxxxxxxxxxxxx",
        ])
    }

    @Test func overlayShrinksInASmallArea() {
        var grid = CellGrid.filled(width: 7, height: 3)
        Overlay(title: "Alert", lines: ["diverged!", "x"], glyphs: .unicode).render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == [
            "┌ Ale─┐",
            "│ div │",
            "└─────┘",
        ])
    }
}
