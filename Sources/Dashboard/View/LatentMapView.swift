import TerminalUI

/// A 2-D latent space (key `z` in the samples panel of an AE or VAE run): the decoder's output
/// over a grid of z as a mosaic, or the encoder's means of data points coloured by class.
struct LatentMapView: Widget {
    let map: LatentMap
    let shows: LatentView
    let palette: Palette

    /// Mosaic tiles smaller than this many rows (twice as many pixels) are unreadable, so a
    /// smaller grid is chosen instead.
    static let minimumTileRows = 3

    /// Ten well-separated colours (Tableau's), one per class.
    static let classColors: [Color] = [
        (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
        (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
    ].map { Color.rgb(red: $0.0, green: $0.1, blue: $0.2) }

    func render(into grid: inout CellGrid, area: Rect) {
        switch shows {
        case .decodedGrid: renderMosaic(into: &grid, area: area)
        case .encodedPoints, .samples: renderPoints(into: &grid, area: area)
        }
    }

    /// The largest k×k subgrid of the decoded grid whose tiles are at least ``minimumTileRows``
    /// tall (else the smallest), with each tile's size in cells.
    static func mosaicLayout(map: LatentMap, imageWidth: Int, imageHeight: Int,
                             in area: Rect) -> (side: Int, tileWidth: Int, tileRows: Int)? {
        guard imageWidth > 0, imageHeight > 0 else { return nil }
        let fits = map.subgridSizes.map { side -> (side: Int, tileWidth: Int, tileRows: Int) in
            // Half-block pixels are square: a tile r rows tall is 2r pixels tall.
            let rows = min(area.height / side, area.width / side * imageHeight / (2 * imageWidth))
            return (side, max(2 * rows * imageWidth / imageHeight, 1), rows)
        }
        return fits.first { $0.tileRows >= minimumTileRows } ?? fits.last.flatMap { $0.tileRows >= 1 ? $0 : nil }
    }

    private func renderMosaic(into grid: inout CellGrid, area: Rect) {
        guard case .image(let width, let height, _) = map.decoded.shape else {
            return Placeholder.render("the decoded grid is drawn for image data sets; z shows the points",
                                      into: &grid, area: area, style: palette.muted)
        }
        guard let layout = Self.mosaicLayout(map: map, imageWidth: width, imageHeight: height, in: area) else {
            return Placeholder.render("too small for the latent map", into: &grid, area: area, style: palette.muted)
        }
        let left = area.x + (area.width - layout.side * layout.tileWidth) / 2
        let top = area.y + (area.height - layout.side * layout.tileRows) / 2
        for row in 0..<layout.side {
            for column in 0..<layout.side {
                let slot = Rect(x: left + column * layout.tileWidth, y: top + row * layout.tileRows,
                                width: layout.tileWidth, height: layout.tileRows)
                palette.image(map.decodedIndex(row: row, column: column, subgrid: layout.side), of: map.decoded)?
                    .render(into: &grid, area: slot)
            }
        }
    }

    /// Whether classes are told apart by their label as the mark: without 256 colours or
    /// without braille and half blocks, colours or dots alone cannot separate ten classes.
    private var marksByLabel: Bool {
        !palette.glyphs.hasBrailleAndBlocks || palette.depth == .monochrome || palette.depth == .colors8
    }

    private func renderPoints(into grid: inout CellGrid, area: Rect) {
        let classes = Array(Set(map.labels)).sorted()
        guard !map.points.isEmpty, area.height >= 2 else {
            return Placeholder.render(palette.waiting(for: "encoded points"), into: &grid, area: area, style: palette.muted)
        }
        let (legend, plot) = area.splitTop(1)
        TextLines([legendLine(classes)]).render(into: &grid, area: legend)
        var pointsByClass = [Int: [SIMD2<Float>]]()
        for (point, label) in zip(map.points, map.labels) { pointsByClass[label, default: []].append(point) }
        let series = classes.map { ScatterSeries(points: pointsByClass[$0] ?? [], style: style(of: $0)) }
        let bound = bounds
        var glyphs = palette.glyphs
        if marksByLabel {
            glyphs.hasBrailleAndBlocks = false
            glyphs.plotMarks = classes.map(Self.mark)
        }
        Scatter(series: series, xRange: -bound...bound, yRange: -bound...bound,
                resolution: marksByLabel ? .braille : .halfBlock, depth: palette.depth, glyphs: glyphs)
            .render(into: &grid, area: PointPlot.squareArea(in: plot))
    }

    /// Half the side of the square plotted: the map's range, wider when an encoder's means lie
    /// outside it (an autoencoder's latent space has no prior to keep it there).
    var bounds: Float {
        let farthest = map.points.map { max(abs($0.x), abs($0.y)) }.filter(\.isFinite).max() ?? 0
        return max(map.range, farthest.rounded(.up))
    }

    private func legendLine(_ classes: [Int]) -> TextLine {
        var spans = [Span("class ", style: palette.muted)]
        for label in classes {
            let mark = marksByLabel ? Self.mark(label) : palette.glyphs.legendMark
            spans += [Span(String(mark), style: style(of: label)), Span(marksByLabel ? " " : "\(label) ", style: palette.muted)]
        }
        return TextLine(spans)
    }

    private func style(of label: Int) -> Style {
        palette.depth == .monochrome ? palette.text
            : palette.base.foreground(Self.classColors[((label % 10) + 10) % 10])
    }

    /// A class's mark where labels are the marks: its digit, or a letter from 10 to 35.
    static func mark(_ label: Int) -> Character {
        (0..<36).contains(label) ? Character(String(label, radix: 36)) : "*"
    }
}
