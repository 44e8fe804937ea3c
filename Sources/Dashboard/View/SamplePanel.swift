import Datasets
import TerminalUI

/// G's output on the fixed noise (an autoencoder's decoder's on prior samples): a grid of images,
/// or for 2-D data the generated points over the real ones with D's verdict over the plane as a
/// heat map behind. With a latent map, `z` shows it here instead.
struct SamplePanel: Widget {
    let state: AppState
    let palette: Palette

    /// Below this many images a smaller scale is used, so the grid still shows some variety.
    static let wantedImages = 6

    func render(into grid: inout CellGrid, area: Rect) {
        switch state.shownLatentView {
        case .decodedGrid:
            guard let latentGrid = state.latentGrid else { break }
            return LatentGridView(grid: latentGrid, palette: palette).render(into: &grid, area: area)
        case .encodedPoints:
            guard let points = state.encodedPoints else { break }
            return EncodedPointsView(encoded: points, palette: palette).render(into: &grid, area: area)
        case .samples, nil: break
        }
        guard let samples = state.shownSamples else {
            Placeholder.render(palette.text("waiting for the first samples…", ascii: "waiting for the first samples..."), into: &grid, area: area, style: palette.muted)
            return
        }
        switch samples.shape {
        case .image(let width, let height, _):
            let slots = ImageTiling.grid(imageWidth: width, imageHeight: height, count: samples.count, in: area,
                                         wanted: Self.wantedImages)
            for (index, slot) in slots.enumerated() {
                palette.image(index, of: samples)?.render(into: &grid, area: slot)
            }
        case .points:
            PointPlot(state: state, palette: palette,
                      generated: ScatterSeries(points: PointPlot.points(samples.values[...]), style: palette.fake))
                .render(into: &grid, area: area)
        }
    }
}
