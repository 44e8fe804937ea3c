import GAN
import TerminalUI

/// The encoder's means of data points in a 2-D latent space, coloured by class, with a legend:
/// where the classes settle, and (for a VAE) how well they fill the prior's ±3.
struct EncodedPointsView: Widget {
    let encoded: EncodedPoints
    let palette: Palette

    /// Ten well-separated colours (Tableau's), one per class.
    static let classColors: [Color] = [
        (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
        (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
    ].map { Color.rgb(red: $0.0, green: $0.1, blue: $0.2) }

    func render(into grid: inout CellGrid, area: Rect) {
        guard !encoded.points.isEmpty, area.height >= 2 else {
            return Placeholder.render(palette.waiting(for: "encoded points"), into: &grid, area: area, style: palette.muted)
        }
        let classes = Array(Set(encoded.labels)).sorted()
        let (legend, plot) = area.splitTop(1)
        TextLines([legendLine(classes)]).render(into: &grid, area: legend)
        var pointsByClass = [Int: [SIMD2<Float>]]()
        for (point, label) in zip(encoded.points, encoded.labels) { pointsByClass[label, default: []].append(point) }
        let series = classes.map { ScatterSeries(points: pointsByClass[$0] ?? [], style: style(of: $0)) }
        var glyphs = palette.glyphs
        if marksByLabel {
            glyphs.hasBrailleAndBlocks = false
            glyphs.plotMarks = classes.map(Self.mark)
        }
        Scatter(series: series, xRange: -bound...bound, yRange: -bound...bound,
                resolution: marksByLabel ? .braille : .halfBlock, depth: palette.depth, glyphs: glyphs)
            .render(into: &grid, area: PointPlot.squareArea(in: plot))
    }

    /// Half the side of the square plotted: the decoded grid's range, wider when an encoder's
    /// means lie outside it (an autoencoder's latent space has no prior to keep it there).
    var bound: Float {
        let farthest = encoded.points.map { max(abs($0.x), abs($0.y)) }.filter(\.isFinite).max() ?? 0
        return max(LatentGrid.standardRange, farthest.rounded(.up))
    }

    /// Whether classes are told apart by their label as the mark: without 256 colours or
    /// without braille and half blocks, colours or dots alone cannot separate ten classes.
    private var marksByLabel: Bool {
        !palette.glyphs.hasBrailleAndBlocks || palette.depth == .monochrome || palette.depth == .colors8
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
