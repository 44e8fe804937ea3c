import GAN
import TerminalUI

/// The latest learning metrics (from the Metrics module's `.evaluation` events), one row each:
/// name, latest value, and a sparkline of its trend. Only figures the reports fill are shown.
struct MetricsPanel: Widget {
    let state: AppState
    let palette: Palette

    /// One displayed figure: its label, the latest value as text, and its history.
    struct Row {
        var label: String
        var value: String
        var trend: [Float]
    }

    /// The figures, each with how to read it from a report (nil when the report lacks it).
    static let figures: [(label: String, read: @Sendable (EvaluationReport) -> Double?)] = [
        ("modes captured", { report in report.modesCaptured.map(Double.init) }),
        ("high quality", { $0.highQualityFraction }),
        ("KL(real‖fake)", { $0.klDivergence }),
        ("JS divergence", { $0.jsDivergence }),
        ("Fréchet dist.", { $0.frechetDistance }),
        ("classes covered", { report in report.classesCovered.map(Double.init) }),
        ("class KL", { $0.classKL }),
        ("D's ROC AUC", { $0.discriminatorAUC }),
        ("probe accuracy", { $0.probeAccuracy }),
    ]

    static func rows(for reports: [EvaluationReport]) -> [Row] {
        guard let latest = reports.last else { return [] }
        return figures.compactMap { figure in
            guard let value = figure.read(latest) else { return nil }
            var text = CompactNumber.format(value)
            if figure.label == "modes captured", let count = latest.modeCount { text += "/\(count)" }
            if figure.label == "classes covered", let count = latest.classCount { text += "/\(count)" }
            return Row(label: figure.label, value: text, trend: reports.map { figure.read($0).map(Float.init) ?? .nan })
        }
    }

    func render(into grid: inout CellGrid, area: Rect) {
        let rows = Self.rows(for: state.evaluations)
        guard !rows.isEmpty else { return }
        let labelWidth = (rows.map(\.label.count).max() ?? 0) + 1
        let valueWidth = (rows.map(\.value.count).max() ?? 0) + 2
        for (index, row) in rows.prefix(area.height).enumerated() {
            let y = area.y + index
            grid.put(row.label, at: area.x, y, style: palette.muted, clip: area)
            grid.put(row.value, at: area.x + labelWidth, y, style: palette.text, clip: area)
            let trend = Rect(x: area.x + labelWidth + valueWidth, y: y,
                             width: area.width - labelWidth - valueWidth, height: 1)
            Sparkline(values: row.trend, style: palette.title, glyphs: palette.glyphs).render(into: &grid, area: trend)
        }
    }
}
