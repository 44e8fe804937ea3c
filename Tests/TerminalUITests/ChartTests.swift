import Testing
@testable import TerminalUI

@Suite struct ChartTests {
    private let teal = Style(foreground: .indexed(37))

    @Test func asciiChartJoinsPointsAndLabelsBothAxes() {
        var grid = CellGrid.filled(width: 10, height: 5)
        BrailleLineChart(series: [ChartSeries(name: "loss", values: [0, 1, 2, 3], style: teal)],
                         xStartLabel: "0", xEndLabel: "3", glyphs: .ascii, showsLegend: false)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == [
            "3.00|xxxx*",
            "xxxx|xx**x",
            "xxxx|x*xxx",
            "0.00|*xxxx",
            "xxxxx0xxx3",
        ])
    }

    @Test func brailleDotsCarryTheSeriesColour() {
        var grid = CellGrid.filled(width: 7, height: 1)
        BrailleLineChart(series: [ChartSeries(name: "g", values: [0.5, 0.5], style: teal)],
                         yRange: 0...1, glyphs: .unicode)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == ["1.00│⠤⠤"])
        #expect(grid[5, 0].style.foreground == .indexed(37))
        #expect(grid[6, 0].style.foreground == .indexed(37))
    }

    @Test func longSeriesIsResampledNotTruncated() {
        var grid = CellGrid.filled(width: 9, height: 3)
        let values = (0..<100).map(Float.init)
        BrailleLineChart(series: [ChartSeries(name: "ramp", values: values, style: teal)], glyphs: .ascii,
                         showsLegend: false)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == [
            "99.0|xxx*",
            "xxxx|x***",
            "0.00|**xx",
        ])
    }

    @Test func legendAndLabelledReferenceLine() {
        var grid = CellGrid.filled(width: 12, height: 5)
        let grey = Style(foreground: .indexed(244))
        BrailleLineChart(series: [ChartSeries(name: "D", values: [1, 1], style: teal)],
                         references: [ReferenceLine(value: 0, style: grey, label: "ref")], glyphs: .unicode)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == [
            "■ D  xxxxxxx",
            "1.00│⠉⠉⠉⠉⠉⠉⠉",
            "xxxx│xxxxxxx",
            "xxxx│xxxxxxx",
            "0.00│ref⡀⡀⡀⡀",
        ])
        #expect(grid[0, 0].style == teal)
        #expect(grid[5, 4].style == grey)
        #expect(grid[9, 4].style.foreground == .indexed(244))
    }

    @Test func faintSeriesIsDimmed() {
        var grid = CellGrid.filled(width: 7, height: 1)
        BrailleLineChart(series: [ChartSeries(name: "raw", values: [0.5, 0.5], style: teal, faint: true)],
                         yRange: 0...1, glyphs: .ascii)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == ["1.00|.."])
        #expect(grid[5, 0].style.dim)
    }

    @Test func flatAndEmptyDataStillDraw() {
        var grid = CellGrid.filled(width: 8, height: 3)
        BrailleLineChart(series: [ChartSeries(name: "c", values: [2, 2, .nan], style: teal)], glyphs: .ascii,
                         showsLegend: false)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == [
            "2.20|xxx",
            "xxxx|**x",
            "1.80|xxx",
        ])
        var tiny = CellGrid.filled(width: 2, height: 1)
        BrailleLineChart(series: [], glyphs: .unicode).render(into: &tiny, area: tiny.bounds)
        #expect(tiny.lines() == ["xx"])
    }
}
