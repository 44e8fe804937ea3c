import TerminalUI

/// G's and D's losses over the whole run: raw values faint behind their debiased moving
/// averages, and D's equilibrium loss log 4 (both players at their optimum, D(x) = ½) as a
/// dashed reference line.
struct LossPanel: Widget {
    let state: AppState
    let palette: Palette

    /// D's loss at the minimax equilibrium: −log ½ − log ½ = log 4.
    static let equilibriumLoss: Float = 1.3862944

    func render(into grid: inout CellGrid, area: Rect) {
        let history = state.history
        guard let first = history.firstStep else {
            Placeholder.render(palette.text("waiting for the first step…", ascii: "waiting for the first step..."), into: &grid, area: area, style: palette.muted)
            return
        }
        let length = ChartWindow.length(forWidth: area.width)
        let window = { (series: CompressedSeries) in ChartWindow(series.values, length: length) }
        let smoothedD = window(history.discriminatorLossSmoothed)
        let smoothed = [
            ChartSeries(name: "D ema", values: smoothedD.values, style: palette.discriminator),
            ChartSeries(name: "G ema", values: window(history.generatorLossSmoothed).values, style: palette.generator),
        ]
        // Raw values are drawn faint behind the averages; with one mark per cell (ASCII) they
        // would bury them, so they are left out there.
        let raw = palette.glyphs.hasBrailleAndBlocks ? [
            ChartSeries(name: "D raw", values: window(history.discriminatorLoss).values, style: palette.discriminator,
                        faint: true),
            ChartSeries(name: "G raw", values: window(history.generatorLoss).values, style: palette.generator,
                        faint: true),
        ] : []
        BrailleLineChart(
            series: raw + smoothed,
            references: [ReferenceLine(value: Self.equilibriumLoss, style: palette.muted, label: "log 4")],
            xStartLabel: "step \(first)", xEndLabel: "step \(smoothedD.lastStep(first: first, history: history))",
            glyphs: palette.glyphs,
            axisStyle: palette.muted
        ).render(into: &grid, area: area)
    }
}
