import TerminalUI

/// G's and D's losses over the whole run: raw values faint behind their debiased moving
/// averages, and D's equilibrium loss log 4 (both players at their optimum, D(x) = ½) as a
/// dashed reference line.
struct LossPanel: Widget {
    let state: AppState
    let palette: Palette

    /// D's loss at the minimax equilibrium: −log ½ − log ½ = log 4.
    static let equilibriumLoss: Float = 1.3862944

    /// V(D, G) at the global optimum (p_g = p_data, D = ½): log ½ + log ½ = −log 4.
    static let optimalValue: Float = -equilibriumLoss
    /// Below this height the panel shows the losses alone.
    static let valueChartMinimumHeight = 12

    func render(into grid: inout CellGrid, area: Rect) {
        let history = state.history
        guard let first = history.firstStep else {
            Placeholder.render(palette.text("waiting for the first step…", ascii: "waiting for the first step..."), into: &grid, area: area, style: palette.muted)
            return
        }
        guard area.height >= Self.valueChartMinimumHeight else {
            return renderLosses(into: &grid, area: area, first: first)
        }
        let parts = area.split(.vertical, [.fill(3), .fill(2)])
        renderLosses(into: &grid, area: parts[0], first: first)
        renderValue(into: &grid, area: parts[1], first: first)
    }

    private func window(_ series: CompressedSeries, width: Int) -> ChartWindow {
        ChartWindow(series.values, length: ChartWindow.length(forWidth: width))
    }

    private func renderLosses(into grid: inout CellGrid, area: Rect, first: Int) {
        let history = state.history
        let smoothedD = window(history.discriminatorLossSmoothed, width: area.width)
        let smoothed = [
            ChartSeries(name: "D ema", values: smoothedD.values, style: palette.discriminator),
            ChartSeries(name: "G ema", values: window(history.generatorLossSmoothed, width: area.width).values,
                        style: palette.generator),
        ]
        // Raw values are drawn faint behind the averages; with one mark per cell (ASCII) they
        // would bury them, so they are left out there.
        let raw = palette.glyphs.hasBrailleAndBlocks ? [
            ChartSeries(name: "D raw", values: window(history.discriminatorLoss, width: area.width).values,
                        style: palette.discriminator, faint: true),
            ChartSeries(name: "G raw", values: window(history.generatorLoss, width: area.width).values,
                        style: palette.generator, faint: true),
        ] : []
        BrailleLineChart(
            series: raw + smoothed,
            references: [ReferenceLine(value: Self.equilibriumLoss, style: palette.muted, label: "log 4")],
            xStartLabel: "step \(first)", xEndLabel: "step \(smoothedD.lastStep(first: first, history: history))",
            glyphs: palette.glyphs,
            axisStyle: palette.muted,
            marker: smoothedD.marker(at: state.shownHistoryStep, first: first, history: history, style: palette.title)
        ).render(into: &grid, area: area)
    }

    /// The game's value V(D, G) = E[log D(x)] + E[log(1 − D(G(z)))] on each step's minibatch,
    /// which is minus D's loss, beside its value at the optimum, −log 4.
    private func renderValue(into grid: inout CellGrid, area: Rect, first: Int) {
        let history = state.history
        let smoothed = window(history.discriminatorLossSmoothed, width: area.width)
        BrailleLineChart(
            series: [ChartSeries(name: "V(D,G) ema", values: smoothed.values.map { -$0 }, style: palette.discriminator)],
            references: [ReferenceLine(value: Self.optimalValue, style: palette.muted, label: "-log 4")],
            glyphs: palette.glyphs,
            axisStyle: palette.muted,
            marker: smoothed.marker(at: state.shownHistoryStep, first: first, history: history, style: palette.title)
        ).render(into: &grid, area: area)
    }
}
