import TerminalUI

/// The decoder's output over a grid of z in a 2-D latent space, as a mosaic: z₁ across, z₂ up.
struct LatentGridView: Widget {
    let grid: LatentGrid
    let palette: Palette

    /// Mosaic tiles smaller than this many rows (twice as many pixels) are unreadable, so a
    /// smaller grid is chosen instead.
    static let minimumTileRows = 3

    /// The largest k×k subgrid of the decoded grid whose tiles are at least ``minimumTileRows``
    /// tall (else the smallest), with each tile's size in cells.
    static func layout(of grid: LatentGrid, imageWidth: Int, imageHeight: Int,
                       in area: Rect) -> (side: Int, tileWidth: Int, tileRows: Int)? {
        guard imageWidth > 0, imageHeight > 0 else { return nil }
        let fits = grid.subgridSizes.map { side -> (side: Int, tileWidth: Int, tileRows: Int) in
            // Half-block pixels are square: a tile r rows tall is 2r pixels tall.
            let rows = min(area.height / side, area.width / side * imageHeight / (2 * imageWidth))
            return (side, max(2 * rows * imageWidth / imageHeight, 1), rows)
        }
        return fits.first { $0.tileRows >= minimumTileRows } ?? fits.last.flatMap { $0.tileRows >= 1 ? $0 : nil }
    }

    func render(into cells: inout CellGrid, area: Rect) {
        guard case .image(let width, let height, _) = grid.decoded.shape,
              let layout = Self.layout(of: grid, imageWidth: width, imageHeight: height, in: area) else {
            return Placeholder.render("too small for the latent map", into: &cells, area: area, style: palette.muted)
        }
        let left = area.x + (area.width - layout.side * layout.tileWidth) / 2
        let top = area.y + (area.height - layout.side * layout.tileRows) / 2
        for row in 0..<layout.side {
            for column in 0..<layout.side {
                let slot = Rect(x: left + column * layout.tileWidth, y: top + row * layout.tileRows,
                                width: layout.tileWidth, height: layout.tileRows)
                palette.image(grid.decodedIndex(row: row, column: column, subgrid: layout.side), of: grid.decoded)?
                    .render(into: &cells, area: slot)
            }
        }
    }
}
