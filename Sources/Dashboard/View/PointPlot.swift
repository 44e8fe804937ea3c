import GAN
import TerminalUI

/// 2-D data: real points and generated ones in the data set's bounds, over D's decision surface
/// when one has arrived (or D* after `o`), with G's gradient arrows after `v`. Used by the
/// samples panel and, with the explorer's path, the explorer. While the history is scrubbed the
/// surface and arrows are those of the step shown.
struct PointPlot: Widget {
    let state: AppState
    let palette: Palette
    /// Drawn over the real points, in this order.
    var generated: [ScatterSeries]

    init(state: AppState, palette: Palette, generated: ScatterSeries...) {
        self.state = state
        self.palette = palette
        self.generated = generated
    }

    func render(into grid: inout CellGrid, area: Rect) {
        let surface = state.shownSurface
        guard let bounds = state.pointBounds ?? surface.map({ PlotBounds(x: $0.xRange, y: $0.yRange) }) else {
            Placeholder.render(palette.text("no bounds for the points yet…", ascii: "no bounds for the points yet..."), into: &grid, area: area, style: palette.muted)
            return
        }
        let square = Self.squareArea(in: area)
        let heat = surface.map { surface in
            HeatMap.grid(values: state.showsOptimalDiscriminator ? surface.theory?.optimal ?? surface.values : surface.values,
                         width: surface.columns, height: surface.rows)
        }
        Scatter(series: [ScatterSeries(points: state.realPoints, style: palette.real)] + generated,
                // Half blocks show a coloured point better than a single braille dot.
                xRange: bounds.x, yRange: bounds.y, resolution: palette.depth == .monochrome ? .braille : .halfBlock,
                heatMap: heat, ramp: palette.surfaceRamp, depth: palette.depth,
                glyphs: palette.scatterGlyphs, arrows: arrows(of: surface))
            .render(into: &grid, area: square)
    }

    /// G's gradient arrows when `v` turned them on: the direction of ∇ₓD at each fixed fake.
    private func arrows(of surface: DecisionSurface?) -> ScatterArrows? {
        guard state.showsGradientArrows, let theory = surface?.theory else { return nil }
        return ScatterArrows(arrows: theory.arrows.map { ScatterArrows.Arrow(point: $0.point, direction: $0.gradient) },
                             style: palette.generator.bolded)
    }

    /// The largest centred area whose data aspect is 1:1 (a cell is about twice as tall as wide).
    static func squareArea(in area: Rect) -> Rect {
        let width = min(area.width, area.height * 2), height = min(area.height, area.width / 2)
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2,
                    width: width, height: height)
    }

    /// Pairs of floats as points.
    static func points(_ values: ArraySlice<Float>) -> [SIMD2<Float>] {
        stride(from: values.startIndex, to: values.endIndex - 1, by: 2).map { SIMD2(values[$0], values[$0 + 1]) }
    }
}
