/// 2-D points of several series inside fixed data bounds, optionally over a heat map.
///
/// Points are braille dots (2×4 per cell) or half blocks (1×2 per cell, each half its own
/// colour); with ASCII glyphs, one mark per cell. The heat map colours cell backgrounds from the
/// ramp with 256 colours and falls back to shade characters otherwise. Points outside the bounds
/// are not drawn.
public struct Scatter: Widget {
    /// The sub-cell resolution of points.
    public enum Resolution: Sendable {
        case braille, halfBlock
    }

    public var series: [ScatterSeries]
    public var xRange: ClosedRange<Float>
    public var yRange: ClosedRange<Float>
    public var resolution: Resolution
    public var heatMap: HeatMap?
    public var ramp: ColorRamp
    public var depth: ColorDepth
    public var glyphs: Glyphs
    /// Short strokes drawn over the points, e.g. the direction a gradient pushes them.
    public var arrows: ScatterArrows?

    public init(series: [ScatterSeries], xRange: ClosedRange<Float>, yRange: ClosedRange<Float>,
                resolution: Resolution = .braille, heatMap: HeatMap? = nil, ramp: ColorRamp = .grey,
                depth: ColorDepth, glyphs: Glyphs, arrows: ScatterArrows? = nil) {
        self.series = series
        self.xRange = xRange
        self.yRange = yRange
        self.resolution = resolution
        self.heatMap = heatMap
        self.ramp = ramp
        self.depth = depth
        self.glyphs = glyphs
        self.arrows = arrows
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard area.width > 0, area.height > 0,
              xRange.upperBound > xRange.lowerBound, yRange.upperBound > yRange.lowerBound else { return }
        if let heatMap { drawHeat(heatMap, into: &grid, area: area) }
        if resolution == .halfBlock && glyphs.hasBrailleAndBlocks {
            drawHalfBlocks(into: &grid, area: area)
        } else {
            var canvas = DotCanvas(columns: area.width, rows: area.height, braille: glyphs.hasBrailleAndBlocks)
            for (index, line) in series.enumerated() {
                for point in line.points {
                    guard let dot = position(point, across: canvas.dotWidth, down: canvas.dotHeight) else { continue }
                    canvas.set(dot.x, dot.y, style: line.style, mark: glyphs.plotMark(index))
                }
            }
            canvas.render(into: &grid, x: area.x, y: area.y)
        }
        if let arrows { drawArrows(arrows, into: &grid, area: area) }
    }

    /// Each arrow as a stroke of `length` dots from its point along its direction (as the screen
    /// shows it: the plot's axes may differ in scale). Braille draws the stroke; with ASCII
    /// glyphs the cells of the stroke get the mark of its direction.
    private func drawArrows(_ arrows: ScatterArrows, into grid: inout CellGrid, area: Rect) {
        var canvas = DotCanvas(columns: area.width, rows: area.height, braille: glyphs.hasBrailleAndBlocks)
        let across = Float(canvas.dotWidth) / (xRange.upperBound - xRange.lowerBound)
        let down = Float(canvas.dotHeight) / (yRange.upperBound - yRange.lowerBound)
        let length = Float(glyphs.hasBrailleAndBlocks ? arrows.length : max(arrows.length / 3, 1))
        for arrow in arrows.arrows {
            guard let start = position(arrow.point, across: canvas.dotWidth, down: canvas.dotHeight) else { continue }
            let dx = arrow.direction.x * across, dy = -arrow.direction.y * down
            let norm = (dx * dx + dy * dy).squareRoot()
            guard norm > 0, norm.isFinite else { continue }
            let end = (x: start.x + Int((dx / norm * length).rounded()), y: start.y + Int((dy / norm * length).rounded()))
            canvas.line(from: start, to: end, style: arrows.style, mark: Self.directionMark(dx: dx, dy: dy))
        }
        canvas.render(into: &grid, x: area.x, y: area.y)
    }

    /// An ASCII mark for a screen direction (y grows downwards): the nearest of the four
    /// line characters, tan 22.5° ≈ 0.414 being the border between neighbours.
    static func directionMark(dx: Float, dy: Float) -> Character {
        if abs(dy) < 0.414 * abs(dx) { return "-" }
        if abs(dx) < 0.414 * abs(dy) { return "|" }
        return (dx > 0) == (dy < 0) ? "/" : "\\"
    }

    /// The sub-cell position of a point on a `across`×`down` raster, nil outside the bounds.
    private func position(_ point: SIMD2<Float>, across: Int, down: Int) -> (x: Int, y: Int)? {
        guard xRange.contains(point.x), yRange.contains(point.y) else { return nil }
        let u = (point.x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        let v = (yRange.upperBound - point.y) / (yRange.upperBound - yRange.lowerBound)
        return (min(Int(u * Float(across)), across - 1), min(Int(v * Float(down)), down - 1))
    }

    private func drawHeat(_ heatMap: HeatMap, into grid: inout CellGrid, area: Rect) {
        for row in 0..<area.height {
            let y = yRange.upperBound - (Float(row) + 0.5) / Float(area.height) * (yRange.upperBound - yRange.lowerBound)
            for column in 0..<area.width {
                let x = xRange.lowerBound + (Float(column) + 0.5) / Float(area.width) * (xRange.upperBound - xRange.lowerBound)
                guard let level = heatMap.level(x: x, y: y, xRange: xRange, yRange: yRange) else { continue }
                let cell = depth.hasPalette
                    ? Cell(" ", style: Style(background: ramp.color(at: level)))
                    : Shading.cell(level: level, depth: depth, glyphs: glyphs, ramp: ramp)
                grid[area.x + column, area.y + row] = cell
            }
        }
    }

    /// Points as coloured cell halves: `▀`/`▄` over the existing background, or `▀` with both
    /// colours when both halves are lit.
    private func drawHalfBlocks(into grid: inout CellGrid, area: Rect) {
        var halves = [Color?](repeating: nil, count: area.width * area.height * 2)
        for line in series {
            for point in line.points {
                guard let dot = position(point, across: area.width, down: area.height * 2) else { continue }
                halves[dot.y * area.width + dot.x] = line.style.foreground
            }
        }
        for row in 0..<area.height {
            for column in 0..<area.width {
                let top = halves[2 * row * area.width + column], bottom = halves[(2 * row + 1) * area.width + column]
                let x = area.x + column, y = area.y + row
                let background = grid[x, y].style.background
                switch (top, bottom) {
                case let (top?, bottom?):
                    grid.set(glyphs.upperHalf, at: x, y, style: Style(foreground: top, background: bottom))
                case let (top?, nil):
                    grid.set(glyphs.upperHalf, at: x, y, style: Style(foreground: top, background: background))
                case let (nil, bottom?):
                    grid.set(glyphs.lowerHalf, at: x, y, style: Style(foreground: bottom, background: background))
                case (nil, nil):
                    continue
                }
            }
        }
    }
}
