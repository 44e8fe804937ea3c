import GAN
import TerminalUI

/// The latest learning metrics (from the Metrics module's `.evaluation` events), one row each:
/// name, latest value, and a sparkline of its trend. Only figures the reports fill are shown.
/// Key `f` swaps in the ``SpectrumView``.
struct MetricsPanel: Widget {
    let state: AppState
    let palette: Palette

    /// One displayed figure: its label, the latest value as text, and its history.
    struct Row {
        var label: String
        var value: String
        var trend: [Float]
    }

    /// One figure a report may carry: how to read it and, for counts, out of how many.
    struct Figure: Sendable {
        var label: String
        var read: @Sendable (EvaluationReport) -> Double?
        var total: (@Sendable (EvaluationReport) -> Int?)? = nil
    }

    static let figures: [Figure] = [
        Figure(label: "modes captured", read: { $0.modesCaptured.map(Double.init) }, total: { $0.modeCount }),
        Figure(label: "high quality", read: { $0.highQualityFraction }),
        Figure(label: "KL(real|fake)", read: { $0.klDivergence }),
        Figure(label: "JS divergence", read: { $0.jsDivergence }),
        Figure(label: "Frechet dist.", read: { $0.frechetDistance }),
        Figure(label: "classes covered", read: { $0.classesCovered.map(Double.init) }, total: { $0.classCount }),
        Figure(label: "class KL", read: { $0.classKL }),
        Figure(label: "D's ROC AUC", read: { $0.discriminatorAUC }),
        Figure(label: "probe accuracy", read: { $0.probeAccuracy }),
        Figure(label: "spectral AUC", read: { $0.spectralAUC }),
    ]

    static func rows(for reports: [EvaluationReport], figures: [Figure] = figures) -> [Row] {
        guard let latest = reports.last else { return [] }
        return figures.compactMap { figure in
            guard let value = figure.read(latest) else { return nil }
            let text: String
            if let total = figure.total {
                text = "\(Int(value))" + (total(latest).map { "/\($0)" } ?? "")
            } else {
                text = CompactNumber.format(value)
            }
            return Row(label: figure.label, value: text, trend: reports.map { figure.read($0).map(Float.init) ?? .nan })
        }
    }

    func render(into grid: inout CellGrid, area: Rect) {
        if state.showsSpectrum {
            SpectrumView(state: state, palette: palette).render(into: &grid, area: area)
        } else {
            Self.render(Self.rows(for: state.evaluations), into: &grid, area: area, palette: palette)
        }
    }

    /// `rows` one per line from the top of `area`: label, value, sparkline.
    static func render(_ rows: [Row], into grid: inout CellGrid, area: Rect, palette: Palette) {
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
