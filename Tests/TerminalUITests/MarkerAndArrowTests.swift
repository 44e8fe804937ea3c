import Testing
@testable import TerminalUI

/// The history slider's chart marker and the scatter plot's arrows.
@Suite struct MarkerAndArrowTests {
    private let mark = Style(foreground: .yellow)

    @Test func markerDrawsADottedColumnAtItsFraction() {
        var grid = CellGrid.filled(width: 10, height: 4)
        BrailleLineChart(series: [ChartSeries(name: "v", values: [0, 0, 0, 0, 0], style: .plain)], yRange: 0...1,
                         glyphs: .ascii, showsLegend: false, marker: ChartMarker(fraction: 0.5, style: mark))
            .render(into: &grid, area: grid.bounds)
        // Plot columns 5...9 (label and axis before): the middle one is 7; every other row (the
        // series, flat at 0, keeps the bottom row).
        #expect(grid.lines().map { Array($0)[7] } == ["|", "x", "|", "*"])
        #expect(grid[7, 0].style == mark)
    }

    @Test func arrowsPointAlongTheirDirectionOnScreen() {
        // A 4 × 2 cell braille plot of the square 0…1: 8 × 8 dots; the point (0.5, 0.5) is dot (4, 4).
        var right = CellGrid.filled(width: 4, height: 2)
        Scatter(series: [], xRange: 0...1, yRange: 0...1, depth: .colors256, glyphs: .unicode,
                arrows: ScatterArrows(arrows: [.init(point: [0.5, 0.5], direction: [3, 0])], style: mark, length: 3))
            .render(into: &right, area: right.bounds)
        // Dots (4…7, 4): the top dots of the second row's two right cells.
        #expect(right.lines() == ["xxxx", "xx⠉⠉"])

        var up = CellGrid.filled(width: 4, height: 2)
        Scatter(series: [], xRange: 0...1, yRange: 0...1, depth: .colors256, glyphs: .unicode,
                arrows: ScatterArrows(arrows: [.init(point: [0.5, 0.5], direction: [0, 0.01])], style: mark, length: 3))
            .render(into: &up, area: up.bounds)
        // Dots (4, 1…4): up from the point, the size of the direction not counting.
        #expect(up.lines() == ["xx⡆x", "xx⠁x"])
        #expect(up[2, 0].style == mark)
    }

    @Test func asciiArrowsUseTheMarkOfTheirDirection() {
        #expect(Scatter.directionMark(dx: 1, dy: 0.1) == "-")
        #expect(Scatter.directionMark(dx: 0.1, dy: -1) == "|")
        #expect(Scatter.directionMark(dx: 1, dy: -1) == "/")
        #expect(Scatter.directionMark(dx: -1, dy: -1) == "\\")
    }
}
