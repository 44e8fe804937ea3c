import GAN
import TerminalUI

/// The metrics panel's spectrum view (key `p`): the mean 1-D power spectra of real and fake
/// images from the latest evaluation as two braille lines (low frequencies left, the corners'
/// highest right), and below them the three detectors over time (the spectral detector's AUC,
/// D's AUC, the pixel probe's accuracy), so the user sees which one still catches G's fakes.
struct SpectrumView: Widget {
    let state: AppState
    let palette: Palette

    static let detectors: [MetricsPanel.Figure] = [
        MetricsPanel.Figure(label: "spectral AUC", read: { $0.spectralAUC }),
        MetricsPanel.Figure(label: "D's ROC AUC", read: { $0.discriminatorAUC }),
        MetricsPanel.Figure(label: "probe accuracy", read: { $0.probeAccuracy }),
    ]

    /// Rows for the legend, a few of plot and the axis labels.
    static let minimumChartHeight = 5

    /// Whether `height` rows hold the chart above the detectors' rows.
    static func chartFits(height: Int, reports: [EvaluationReport]) -> Bool {
        height - MetricsPanel.rows(for: reports, figures: detectors).count >= minimumChartHeight
    }

    func render(into grid: inout CellGrid, area: Rect) {
        let reports = state.evaluations
        guard let latest = reports.last(where: { $0.realSpectrum != nil }),
              let real = latest.realSpectrum, let fake = latest.fakeSpectrum else {
            Placeholder.render("spectrum: image data sets, after the first evaluation (p: back to the figures)",
                               into: &grid, area: area, style: palette.muted)
            return
        }
        let rows = MetricsPanel.rows(for: reports, figures: Self.detectors)
        // A chart shorter than this shows no line to speak of: then the detectors alone, and the
        // panel's title says that enter zooms it.
        guard Self.chartFits(height: area.height, reports: reports) else {
            MetricsPanel.render(rows, into: &grid, area: area, palette: palette)
            return
        }
        let chart = Rect(x: area.x, y: area.y, width: area.width, height: area.height - rows.count)
        BrailleLineChart(
            series: [ChartSeries(name: "real", values: real.map(Float.init), style: palette.real),
                     ChartSeries(name: "fake (step \(latest.step))", values: fake.map(Float.init),
                                 style: palette.generator)],
            xStartLabel: "dB by ring: low freq.", xEndLabel: "high", glyphs: palette.glyphs, axisStyle: palette.muted
        ).render(into: &grid, area: chart)
        MetricsPanel.render(rows, into: &grid, area: Rect(x: area.x, y: chart.y + chart.height, width: area.width,
                                                           height: area.height - chart.height), palette: palette)
    }
}
