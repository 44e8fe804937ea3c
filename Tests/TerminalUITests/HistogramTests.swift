import Testing
@testable import TerminalUI

@Suite struct HistogramTests {
    private let real = Style(foreground: .green)
    private let fake = Style(foreground: .red)

    @Test func unicodeBarsRiseInEighths() {
        var grid = CellGrid.filled(width: 4, height: 3)
        Histogram(series: [HistogramSeries(bins: [1, 2, 4, 8], style: real)], glyphs: .unicode)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == [
            "xxx█",
            "▂▄██",
            "0xx1",
        ])
        #expect(grid[3, 0].style == real)
    }

    @Test func asciiSideBySideGivesEachSeriesAColumn() {
        var grid = CellGrid.filled(width: 4, height: 3)
        Histogram(series: [HistogramSeries(bins: [2, 0], style: real), HistogramSeries(bins: [1, 2], style: fake)],
                  arrangement: .sideBySide, glyphs: .ascii)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == [
            "#xx+",
            "#+x+",
            "0xx1",
        ])
        #expect(grid[1, 1].style == fake)
    }

    @Test func overlaidPutsTheShorterBarInFrontOfTheTaller() {
        var grid = CellGrid.filled(width: 2, height: 3)
        Histogram(series: [HistogramSeries(bins: [8, 2], style: real), HistogramSeries(bins: [3, 8], style: fake)],
                  glyphs: .unicode)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == [
            "██",
            "▆▄",
            "01",
        ])
        #expect(grid[0, 0].style == real)
        #expect(grid[0, 1].style == Style(foreground: .red, background: .green))
        #expect(grid[1, 1].style == Style(foreground: .green, background: .red))
    }

    @Test func binningAndResampling() {
        #expect(HistogramSeries.bin([0, 0.1, 0.5, 0.99, 1.0, 2, .nan], count: 4) == [2, 0, 1, 3])
        #expect(Histogram.resample([1, 1, 1, 1], to: 2) == [2, 2])
        #expect(Histogram.resample([1, 2], to: 4) == [1, 1, 2, 2])
        #expect(Histogram.resample([], to: 2) == [0, 0])
    }

    @Test func allZeroBinsDrawOnlyLabels() {
        var grid = CellGrid.filled(width: 3, height: 2)
        Histogram(series: [HistogramSeries(bins: [0, 0], style: real)], glyphs: .ascii, lowLabel: "lo", highLabel: "")
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == ["xxx", "lox"])
    }
}
