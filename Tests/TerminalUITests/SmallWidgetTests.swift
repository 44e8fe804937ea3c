import Testing
@testable import TerminalUI

@Suite struct SmallWidgetTests {
    @Test func sliderPlacesItsMarker() {
        var grid = CellGrid.filled(width: 9, height: 3)
        Slider(value: 0.5, label: "t", glyphs: .unicode).render(into: &grid, area: Rect(width: 9, height: 1))
        Slider(value: 0, label: "t", glyphs: .ascii).render(into: &grid, area: Rect(x: 0, y: 1, width: 9, height: 1))
        Slider(value: 7, glyphs: .ascii).render(into: &grid, area: Rect(x: 0, y: 2, width: 5, height: 1))
        #expect(grid.lines() == [
            "t ───●───",
            "t O------",
            "----Oxxxx",
        ])
        #expect(grid[5, 0].style.bold)
    }

    @Test func sparklineSpansLowToHigh() {
        var grid = CellGrid.filled(width: 8, height: 2)
        Sparkline(values: (0..<8).map(Float.init), glyphs: .unicode).render(into: &grid, area: Rect(width: 8, height: 1))
        Sparkline(values: [0, 1], glyphs: .ascii).render(into: &grid, area: Rect(x: 0, y: 1, width: 8, height: 1))
        #expect(grid.lines() == ["▁▂▃▄▅▆▇█", "_#xxxxxx"])
    }

    @Test func sparklineAveragesLongSeries() {
        var grid = CellGrid.filled(width: 4, height: 1)
        Sparkline(values: [0, 0, 8, 8, 0, 8, 8, 8], glyphs: .unicode).render(into: &grid, area: grid.bounds)
        #expect(Sparkline.averaged([0, 0, 8, 8, 0, 8, 8, 8], columns: 4) == [0, 8, 4, 8])
        #expect(grid.lines() == ["▁█▅█"])
    }

    @Test func brailleScatterPlacesDotsInTheirQuarters() {
        var grid = CellGrid.filled(width: 3, height: 1)
        let style = Style(foreground: .cyan)
        Scatter(series: [ScatterSeries(points: [[0, 1], [1, 0], [2, 2]], style: style)],
                xRange: 0...1, yRange: 0...1, depth: .colors256, glyphs: .unicode)
            .render(into: &grid, area: Rect(width: 2, height: 1))
        #expect(grid.lines() == ["⠁⢀x"])
        #expect(grid[1, 0].style == style)
    }

    @Test func halfBlockScatterOverAHeatMap() {
        var grid = CellGrid.filled(width: 2, height: 1)
        let style = Style(foreground: .red)
        Scatter(series: [ScatterSeries(points: [[0.1, 0.9]], style: style)], xRange: 0...1, yRange: 0...1,
                resolution: .halfBlock, heatMap: .function { x, _ in x }, depth: .colors256, glyphs: .unicode)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == ["▀ "])
        #expect(grid[0, 0].style == Style(foreground: .red, background: .indexed(237)))
        #expect(grid[1, 0].style == Style(background: .indexed(250)))
    }

    @Test func asciiScatterOverAShadedGridHeatMap() {
        var grid = CellGrid.filled(width: 3, height: 1)
        let heat = HeatMap.grid(values: [0.2, 0.5, 0.8], width: 3, height: 1)
        Scatter(series: [ScatterSeries(points: [[0.5, 0.5], [3, 3]], style: .plain)], xRange: 0...1, yRange: 0...1,
                heatMap: heat, depth: .monochrome, glyphs: .ascii)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == [":*#"])
    }
}
