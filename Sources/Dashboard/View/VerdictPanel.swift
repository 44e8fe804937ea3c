import TerminalUI

/// The detective's verdicts: mean D(x) on reals and D(G(z)) on fakes over time (both tend to ½
/// as the forger catches up), and a histogram of D's outputs on the latest real and fake batch.
struct VerdictPanel: Widget {
    let state: AppState
    let palette: Palette

    static let histogramBins = 20

    func render(into grid: inout CellGrid, area: Rect) {
        guard let first = state.history.firstStep else {
            Placeholder.render(palette.text("waiting for the first step…", ascii: "waiting for the first step..."), into: &grid, area: area, style: palette.muted)
            return
        }
        let parts = area.split(.horizontal, [.fill(3), .fill(2)], spacing: 2)
        let length = ChartWindow.length(forWidth: parts[0].width)
        let real = ChartWindow(state.history.realScore.values, length: length)
        BrailleLineChart(
            series: [
                ChartSeries(name: "D(x) real", values: real.values, style: palette.real),
                ChartSeries(name: "D(G(z)) fake", values: ChartWindow(state.history.fakeScore.values, length: length).values,
                            style: palette.fake),
            ],
            references: [ReferenceLine(value: 0.5, style: palette.muted, label: palette.text("½", ascii: "0.5"))],
            xStartLabel: "step \(first)",
            xEndLabel: "step \(real.lastStep(first: first, history: state.history))", yRange: 0...1,
            glyphs: palette.glyphs,
            axisStyle: palette.muted,
            marker: real.marker(at: state.shownHistoryStep, first: first, history: state.history, style: palette.title)
        ).render(into: &grid, area: parts[0])
        renderHistogram(into: &grid, area: parts[1])
    }

    private func renderHistogram(into grid: inout CellGrid, area: Rect) {
        guard let verdicts = state.shownVerdicts, area.height >= 3 else { return }
        let (legend, bars) = area.splitTop(1)
        let mark = String(palette.glyphs.legendMark)
        TextLines([TextLine([Span(mark, style: palette.real), Span(" real  ", style: palette.muted),
                             Span(mark, style: palette.fake), Span(" fake  D's output", style: palette.muted)])])
            .render(into: &grid, area: legend)
        Histogram(series: [
                      HistogramSeries(bins: HistogramSeries.bin(verdicts.real, count: Self.histogramBins), style: palette.real),
                      HistogramSeries(bins: HistogramSeries.bin(verdicts.fake, count: Self.histogramBins), style: palette.fake),
                  ],
                  // Without colour, overlaid bars of the two series would look alike.
                  arrangement: palette.depth == .monochrome ? .sideBySide : .overlaid, glyphs: palette.glyphs,
                  lowLabel: "0 fake", highLabel: "real 1", axisStyle: palette.muted)
            .render(into: &grid, area: bars)
    }
}
