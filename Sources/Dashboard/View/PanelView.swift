import Foundation
import TerminalUI

/// One panel: its border (bold in the accent colour when focused), title and content.
struct PanelView: Widget {
    let panel: Panel
    let state: AppState
    let palette: Palette

    func render(into grid: inout CellGrid, area: Rect) {
        let focused = state.focus == panel && state.visiblePanels.count > 1
        let title = panel.title + (focused ? " \(palette.glyphs.plotMark(0))" : "") + subtitle(contentHeight: area.height - 2)
        let block = Block(title: title, glyphs: palette.glyphs, borderStyle: focused ? palette.focusBorder : palette.border,
                          titleStyle: focused ? palette.focusBorder : palette.title)
        block.render(into: &grid, area: area)
        let inner = block.inner(area).inset(horizontal: 1, vertical: 0)
        switch panel {
        case .losses: LossPanel(state: state, palette: palette).render(into: &grid, area: inner)
        case .verdicts: VerdictPanel(state: state, palette: palette).render(into: &grid, area: inner)
        case .samples: SamplePanel(state: state, palette: palette).render(into: &grid, area: inner)
        case .explorer: ExplorerPanel(state: state, palette: palette).render(into: &grid, area: inner)
        case .metrics: MetricsPanel(state: state, palette: palette).render(into: &grid, area: inner)
        }
    }

    /// What the heat map behind the points shows: D(x), or D* with its distance from D(x).
    private var surfaceCaption: String {
        guard state.showsOptimalDiscriminator, let theory = state.shownSurface?.theory else {
            return "real vs generated, D(x) behind"
        }
        let star = "D*", mean = palette.text("mean |D − D*|", ascii: "mean |D - D*|")
        return "\(star) behind\(palette.dot)\(mean) \(String(format: "%.3f", theory.meanAbsoluteDifference))"
    }

    /// A few words after the title that say what the panel shows right now, in a panel with
    /// `contentHeight` rows inside its border.
    private func subtitle(contentHeight: Int) -> String {
        switch panel {
        case .losses:
            let bucket = state.history.discriminatorLoss.bucketSize
            return bucket > 1 ? "\(palette.dot)1 point = \(bucket) steps" : ""
        case .samples:
            guard let samples = state.shownSamples else { return "" }
            return state.shape == .points ? "\(palette.dot)\(surfaceCaption)\(palette.dot)step \(samples.step)"
                                          : "\(palette.dot)fixed noise\(palette.dot)step \(samples.step)"
        case .explorer:
            return state.explorer.generatorStep.map { "\(palette.dot)G of step \($0)" } ?? ""
        case .metrics:
            guard state.showsSpectrum else { return "" }
            let fits = SpectrumView.chartFits(height: contentHeight, reports: state.evaluations)
            let zoomHint = fits ? "" : "\(palette.dot)enter zooms"
            return "\(palette.dot)spectrum\(zoomHint)\(palette.dot)p: figures"
        case .verdicts:
            return ""
        }
    }
}
