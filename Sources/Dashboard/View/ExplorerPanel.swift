import Datasets
import TerminalUI

/// The latent-space explorer: where the point sits between endpoints A and B, the generator's
/// image there drawn large, and a strip of frames along the path from A to B. The training
/// dashboard and the watch screen both draw it.
struct ExplorerPanel: Widget {
    let explorer: ExplorerState
    let shape: DataShape?
    let palette: Palette
    /// Draws 2-D points (the dashboard's scatter over D's surface): the path's trail, then the
    /// current point. Without it points are not drawn (the watch screen explores images only).
    let pointPlot: ((_ trail: ScatterSeries, _ current: ScatterSeries) -> PointPlot)?

    /// The training dashboard's explorer.
    init(state: AppState, palette: Palette) {
        explorer = state.explorer
        shape = state.shape
        self.palette = palette
        pointPlot = { PointPlot(state: state, palette: palette, generated: $0, $1) }
    }

    /// An explorer over images only (the watch screen's).
    init(explorer: ExplorerState, shape: DataShape?, palette: Palette) {
        self.explorer = explorer
        self.shape = shape
        self.palette = palette
        pointPlot = nil
    }

    func render(into grid: inout CellGrid, area: Rect) {
        guard let images = explorer.images, let shape, area.height >= 3 else {
            Placeholder.render(palette.text("waiting for the generator…", ascii: "waiting for the generator..."), into: &grid, area: area, style: palette.muted)
            return
        }
        let (sliderRow, rest) = area.splitTop(1)
        let (infoRow, picture) = rest.splitTop(1)
        renderSlider(into: &grid, area: sliderRow)
        TextLines([TextLine(info, style: palette.muted)]).render(into: &grid, area: infoRow)
        switch shape {
        case .image(let width, let height, let channels):
            renderImages(images, width: width, height: height, channels: channels, into: &grid, area: picture)
        case .points:
            pointPlot?(ScatterSeries(points: PointPlot.points(images.values[images.features...]), style: palette.fake),
                       ScatterSeries(points: PointPlot.points(images.current), style: palette.generator.bolded))
                .render(into: &grid, area: picture)
        }
    }

    private func renderSlider(into grid: inout CellGrid, area: Rect) {
        let t = explorer.t
        let value = "  t = " + CompactNumber.format(Double(t))
        let trackArea = Rect(x: area.x, y: area.y, width: max(area.width - value.count - 2, 0), height: 1)
        Slider(value: t, label: "A", glyphs: palette.glyphs, trackStyle: palette.border,
               markerStyle: palette.focusBorder, labelStyle: palette.title)
            .render(into: &grid, area: trackArea)
        grid.put(" B" + value, at: trackArea.right, area.y, style: palette.title, clip: area)
    }

    /// The walk's settings: path kind, the chosen dimension and its nudge.
    var info: String {
        let dimension = explorer.dimension
        let nudge = explorer.currentNudge(dimension)
        let sign = nudge >= 0 ? "+" : ""
        return "\(explorer.interpolation.rawValue)\(palette.dot)z[\(dimension)] of \(explorer.latentDimension) "
            + "nudged \(sign)\(CompactNumber.format(Double(nudge)))\(palette.dot)"
            + palette.text("←→ walk ↑↓ dim +- nudge a b r l", ascii: "arrows walk/dim, +- nudge, a b r l")
    }

    private func renderImages(_ images: ExplorerImages, width: Int, height: Int, channels: Int,
                              into grid: inout CellGrid, area: Rect) {
        let frames = images.frames
        let stripHeight = min(area.height / 3, ImageTiling.strip(imageWidth: width, imageHeight: height,
                                                                  count: frames.count, in: area).first?.height ?? 0)
        let (large, strip) = area.splitBottom(stripHeight)
        palette.image(images.current, width: width, height: height, channels: channels).render(into: &grid, area: large)
        let slots = ImageTiling.strip(imageWidth: width, imageHeight: height, count: frames.count, in: strip)
        for (slot, frame) in zip(slots, frames) {
            palette.image(frame, width: width, height: height, channels: channels).render(into: &grid, area: slot)
        }
    }

}
