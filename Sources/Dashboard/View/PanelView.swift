import Foundation
import TerminalUI

/// One panel: its border (bold in the accent colour when focused), title and content.
struct PanelView: Widget {
    let panel: Panel
    let state: AppState
    let palette: Palette
    /// Whether titles name the keys that change the panel (`z: latent map`); not where those
    /// keys do nothing (`ganscope compare`).
    var showsKeyHints = true

    func render(into grid: inout CellGrid, area: Rect) {
        let focused = state.focus == panel && state.visiblePanels.count > 1
        let title = self.title + (focused ? " \(palette.glyphs.plotMark(0))" : "") + subtitle(contentHeight: area.height - 2)
        let block = Block(title: title, glyphs: palette.glyphs, borderStyle: focused ? palette.focusBorder : palette.border,
                          titleStyle: focused ? palette.focusBorder : palette.title)
        block.render(into: &grid, area: area)
        let inner = block.inner(area).inset(horizontal: 1, vertical: 0)
        switch panel {
        case .losses where state.model.isAdversarial: LossPanel(state: state, palette: palette).render(into: &grid, area: inner)
        case .losses: AutoencoderLossPanel(state: state, palette: palette).render(into: &grid, area: inner)
        case .reconstructions: ReconstructionPanel(state: state, palette: palette).render(into: &grid, area: inner)
        case .verdicts: VerdictPanel(state: state, palette: palette).render(into: &grid, area: inner)
        case .samples: SamplePanel(state: state, palette: palette).render(into: &grid, area: inner)
        case .explorer: ExplorerPanel(state: state, palette: palette).render(into: &grid, area: inner)
        case .metrics: MetricsPanel(state: state, palette: palette).render(into: &grid, area: inner)
        }
    }

    /// The panel's name; the samples panel showing the latent map says so.
    private var title: String {
        panel == .samples && state.shownLatentView != nil ? "Latent map" : panel.title
    }

    /// What the heat map behind the points shows: D(x), or D* with its distance from D(x).
    private var surfaceCaption: String {
        guard state.showsOptimalDiscriminator, let theory = state.shownSurface?.theory else {
            return "real vs generated, D(x) behind"
        }
        let star = "D*", mean = palette.text("mean |D − D*|", ascii: "mean |D - D*|")
        return "\(star) behind\(palette.dot)\(mean) \(String(format: "%.3f", theory.meanAbsoluteDifference))"
    }

    /// What the latent map shows, its step and the key to the next view.
    private func latentMapCaption(_ latentView: LatentView) -> String {
        let range = String(format: "%g", state.latentGrid?.range ?? LatentGrid.standardRange)
        let what = latentView == .decodedGrid
            ? palette.text("decoded z ∈ [−\(range), \(range)]²", ascii: "decoded z in [-\(range), \(range)]^2")
            : "encoder means by class"
        let step = (latentView == .decodedGrid ? state.latentGrid?.step : state.encodedPoints?.step)
            .map { "\(palette.dot)step \($0)" } ?? ""
        return "\(palette.dot)\(what)\(step)\(palette.dot)z: next"
    }

    /// A few words after the title that say what the panel shows right now, in a panel with
    /// `contentHeight` rows inside its border.
    private func subtitle(contentHeight: Int) -> String {
        switch panel {
        case .losses:
            let bucket = state.history.bucketSize
            return bucket > 1 ? "\(palette.dot)1 point = \(bucket) steps" : ""
        case .samples:
            if let latentView = state.shownLatentView { return latentMapCaption(latentView) }
            guard let samples = state.shownSamples else { return "" }
            let latentKey = showsKeyHints && state.latentViews.count > 1 ? "\(palette.dot)z: latent map" : ""
            if !state.model.isAdversarial { return "\(palette.dot)decoded prior\(palette.dot)step \(samples.step)\(latentKey)" }
            return state.shape == .points ? "\(palette.dot)\(surfaceCaption)\(palette.dot)step \(samples.step)"
                                          : "\(palette.dot)fixed noise\(palette.dot)step \(samples.step)"
        case .reconstructions:
            guard let pairs = state.shownReconstructions else { return "" }
            let layout = pairs.inputs.shape == .points ? "reconstructed points over the data"
                                                       : "input over output"
            return "\(palette.dot)\(layout)\(palette.dot)step \(pairs.step)"
        case .explorer:
            let network = state.model.isAdversarial ? "G" : "decoder"
            if let source = state.explorer.generatorSource { return "\(palette.dot)\(network) from \(source)" }
            return state.explorer.generatorStep.map { "\(palette.dot)\(network) of step \($0)" } ?? ""
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
