import TerminalUI

/// An autoencoder's or VAE's losses over the whole run, as the GAN's are drawn (raw values
/// faint behind their debiased moving averages, long runs compressed): the reconstruction term
/// and, for the VAE, KL to the prior; below them, when there is room, the VAE's ELBO, the
/// objective it maximises. No reference lines: unlike the GAN's game, these have no known
/// value at the optimum.
struct AutoencoderLossPanel: Widget {
    let state: AppState
    let palette: Palette

    func render(into grid: inout CellGrid, area: Rect) {
        guard let first = state.history.firstStep else {
            Placeholder.render(palette.waiting(for: "the first step"), into: &grid, area: area, style: palette.muted)
            return
        }
        let history = state.history
        let showsELBO = state.model == .variationalAutoencoder && area.height >= LossPanel.valueChartMinimumHeight
        let parts = showsELBO ? area.split(.vertical, [.fill(3), .fill(2)]) : [area]
        var terms = [("recon", history.reconstruction, palette.generator)]
        if state.model == .variationalAutoencoder { terms.append(("KL", history.kl, palette.discriminator)) }
        chart(terms, first: first, area: parts[0]).render(into: &grid, area: parts[0])
        if showsELBO {
            chart([("ELBO", history.elbo, palette.real)], first: first, area: parts[1]).render(into: &grid, area: parts[1])
        }
    }

    /// A chart of named series: all raw values (faint, left out in ASCII where one mark per cell
    /// would bury the averages) before all averages, so the averages are drawn on top.
    private func chart(_ terms: [(name: String, series: SmoothedSeries, style: Style)], first: Int,
                       area: Rect) -> BrailleLineChart {
        let length = ChartWindow.length(forWidth: area.width)
        let raw = palette.glyphs.hasBrailleAndBlocks ? terms.map { term in
            ChartSeries(name: "\(term.name) raw", values: ChartWindow(term.series.raw.values, length: length).values,
                        style: term.style, faint: true)
        } : []
        let windows = terms.map { ChartWindow($0.series.smoothed.values, length: length) }
        let smoothed = zip(terms, windows).map { term, window in
            ChartSeries(name: "\(term.name) ema", values: window.values, style: term.style)
        }
        let axis = windows[0]
        return BrailleLineChart(
            series: raw + smoothed,
            xStartLabel: "step \(first)", xEndLabel: "step \(axis.lastStep(first: first, history: state.history))",
            glyphs: palette.glyphs,
            axisStyle: palette.muted,
            marker: axis.marker(at: state.shownHistoryStep, first: first, history: state.history, style: palette.title))
    }
}
