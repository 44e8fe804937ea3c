import Foundation
import Testing
import TerminalUI
@testable import CursesBackend

/// Curses keeps global state, so these run one at a time; they need no TTY (output goes to
/// /dev/null with TERM xterm-256color).
@Suite(.serialized) struct CursesTerminalTests {
    private let headless = CursesTerminal.Output.nullDevice(term: "xterm-256color")

    private func sampleGrid(width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        grid.put("ganscope 日本 ⣿⡀ ▀▄ ┌─┐", at: 0, 0,
                 style: Style(foreground: .indexed(196), background: .indexed(236), bold: true))
        grid.put("e\u{301} combining", at: 0, 1, style: Style(dim: true, reverse: true))
        let pixels = (0..<(16 * 16)).map { Float($0 % 16) / 7.5 - 1 }
        HalfBlockImage(pixels: pixels, width: 16, height: 16, depth: .colors256, glyphs: .unicode)
            .render(into: &grid, area: Rect(x: 0, y: 2, width: 16, height: 8))
        return grid
    }

    @Test func smokeTestWithoutATerminal() throws {
        let terminal = try CursesTerminal.open(headless)
        #expect(terminal.isOpen)
        #expect(terminal.colorDepth == .colors256)
        let size = terminal.size
        #expect(size.columns > 0 && size.rows > 0)
        let grid = sampleGrid(width: size.columns, height: size.rows)
        terminal.draw(grid)
        terminal.draw(grid)
        terminal.draw(CellGrid(width: size.columns + 5, height: 3))
        #expect(terminal.readKey(timeoutMilliseconds: 0) == nil)
        terminal.close()
        terminal.close()
        #expect(!terminal.isOpen)
        #expect(terminal.readKey(timeoutMilliseconds: 0) == nil)
        #expect(terminal.size == (0, 0))
        terminal.draw(grid)
    }

    /// Colour pairs serve the 8-colour terminal (256-colour UTF-8 frames go past curses).
    @Test func pairsAreMadeLazilyAndReused() throws {
        let terminal = try CursesTerminal.open(.nullDevice(term: "xterm"))
        defer { terminal.close() }
        var grid = CellGrid(width: 10, height: 2)
        grid.put("red", at: 0, 0, style: Style(foreground: .red))
        grid.put("blue", at: 4, 0, style: Style(foreground: .blue, bold: true))
        grid.put("red again", at: 0, 1, style: Style(foreground: .red, reverse: true))
        terminal.draw(grid)
        // Red on default and blue on default; plain cells use pair 0.
        #expect(terminal.pairs.count == 2)
        terminal.resetColors()
        #expect(terminal.pairs.count == 0)
        terminal.draw(grid)
        #expect(terminal.pairs.count == 2)
    }

    @Test func oneTerminalAtATime() throws {
        let terminal = try CursesTerminal.open(headless)
        #expect(throws: CursesError.alreadyOpen) { try CursesTerminal.open(headless) }
        terminal.close()
        let again = try CursesTerminal.open(headless)
        again.close()
    }

    @Test func unknownTerminalTypeIsAnError() {
        #expect(throws: CursesError.cannotStartTerminal(term: "no-such-terminal-type")) {
            try CursesTerminal.open(.nullDevice(term: "no-such-terminal-type"))
        }
    }

    @Test func framesGoPastCursesOnlyOnUTF8TerminalsWith256Colours() throws {
        let direct = try CursesTerminal.open(headless, locale: "C.UTF-8")
        #expect(direct.encoder != nil)
        let size = direct.size
        direct.draw(sampleGrid(width: size.columns, height: size.rows))
        direct.draw(CellGrid(width: size.columns, height: size.rows))
        direct.close()
        for (output, locale) in [(CursesTerminal.Output.nullDevice(term: "xterm"), "C.UTF-8"), (headless, "C")] {
            let terminal = try CursesTerminal.open(output, locale: locale)
            #expect(terminal.encoder == nil)
            terminal.close()
        }
    }

    /// Prints how long a 240×70 frame takes to draw through curses and past it; does not assert
    /// (the machine is shared).
    @Test(arguments: ["C", "C.UTF-8"]) func drawTiming(locale: String) throws {
        setenv("COLUMNS", "240", 1)
        setenv("LINES", "70", 1)
        defer {
            unsetenv("COLUMNS")
            unsetenv("LINES")
        }
        let terminal = try CursesTerminal.open(headless, locale: locale)
        defer { terminal.close() }
        #expect(terminal.size == (240, 70))
        let frames = [sampleGrid(width: 240, height: 70), busyGrid(width: 240, height: 70)]
        let clock = ContinuousClock()
        let rounds = 50
        let changing = clock.measure {
            for round in 0..<rounds { terminal.draw(frames[round % 2]) }
        }
        let unchanged = clock.measure {
            for _ in 0..<rounds { terminal.draw(frames[0]) }
        }
        let path = terminal.encoder == nil ? "through curses" : "past curses"
        print("draw 240×70 \(path): every cell changed \(changing / rounds) per frame; unchanged \(unchanged / rounds) per frame")
    }

    /// A frame in which every cell differs from ``sampleGrid(width:height:)``: braille in 256 colours.
    private func busyGrid(width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let braille = Character(Unicode.Scalar(0x2800 + UInt32((x * 7 + y) % 256)) ?? "x")
                grid[x, y] = Cell(braille, style: Style(foreground: .indexed(UInt8(16 + (x + y) % 216))))
            }
        }
        return grid
    }
}
