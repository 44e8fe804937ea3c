import GAN
import TerminalUI

/// An autoencoder's reconstruction strip: a row of real inputs above what the model made of
/// them, pair by pair in columns. For 2-D data, the reconstructed points over the data.
struct ReconstructionPanel: Widget {
    let state: AppState
    let palette: Palette

    func render(into grid: inout CellGrid, area: Rect) {
        guard let pairs = state.shownReconstructions else {
            Placeholder.render(palette.waiting(for: "the first reconstructions"), into: &grid, area: area,
                               style: palette.muted)
            return
        }
        guard case .image(let width, let height, _) = pairs.inputs.shape else {
            PointPlot(state: state, palette: palette,
                      generated: ScatterSeries(points: PointPlot.points(pairs.outputs.values[...]), style: palette.fake))
                .render(into: &grid, area: area)
            return
        }
        let rows = area.height / 2
        guard rows >= 1 else { return }
        let top = Rect(x: area.x, y: area.y, width: area.width, height: rows)
        let bottom = Rect(x: area.x, y: area.bottom - rows, width: area.width, height: rows)
        let count = Self.pairsShown(imageWidth: width, imageHeight: height, rows: rows, width: area.width,
                                    available: pairs.count)
        let inputs = ImageTiling.strip(imageWidth: width, imageHeight: height, count: count, in: top)
        let outputs = ImageTiling.strip(imageWidth: width, imageHeight: height, count: count, in: bottom)
        for (index, (input, output)) in zip(inputs, outputs).enumerated() {
            palette.image(index, of: pairs.inputs)?.render(into: &grid, area: input)
            palette.image(index, of: pairs.outputs)?.render(into: &grid, area: output)
        }
    }

    /// How many pairs fit side by side when each image is `rows` cells tall (its width in cells
    /// follows from its aspect, two pixel rows a cell), one column apart; at least one.
    static func pairsShown(imageWidth: Int, imageHeight: Int, rows: Int, width: Int, available: Int) -> Int {
        guard imageWidth > 0, imageHeight > 0 else { return 0 }
        let tileWidth = max(1, (2 * rows * imageWidth + imageHeight - 1) / imageHeight)
        return min(available, max(1, (width + 1) / (tileWidth + 1)))
    }
}
