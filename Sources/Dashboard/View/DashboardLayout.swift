import TerminalUI

/// Where each visible panel goes in the body: forger-versus-detective charts on the left,
/// images on the right; one panel over the whole body when zoomed or exploring alone.
struct DashboardLayout {
    let state: AppState

    func areas(in body: Rect) -> [(Panel, Rect)] {
        let panels = state.visiblePanels
        if panels.count == 1 || state.isZoomed {
            return [(panels.contains(state.focus) ? state.focus : panels[0], body)]
        }
        let columns = body.split(.horizontal, [.percent(50), .fill(1)])
        var leftParts: [Layout.Constraint] = [.fill(3), .fill(2)]
        if panels.contains(.metrics) { leftParts.append(.fixed(metricsHeight(in: columns[0]))) }
        let left = columns[0].split(.vertical, leftParts)
        let right = columns[1].split(.vertical, [.fill(1), .fill(1)])
        // An autoencoder has no detective: its reconstructions take the verdicts' place.
        let second: Panel = panels.contains(.verdicts) ? .verdicts : .reconstructions
        var areas: [(Panel, Rect)] = [(.losses, left[0]), (second, left[1]), (.samples, right[0]),
                                      (.explorer, right[1])]
        if left.count > 2 { areas.append((.metrics, left[2])) }
        return areas
    }

    /// One row per metric plus the border, or in the spectrum view the chart's rows as well, but
    /// never more than a third of the column (a short spectrum view says that enter zooms it).
    private func metricsHeight(in column: Rect) -> Int {
        let figures = MetricsPanel.rows(for: state.evaluations).count
        let rows = state.showsSpectrum ? max(figures, SpectrumView.detectors.count + SpectrumView.minimumChartHeight)
                                       : figures
        return min(rows + 2, column.height / 3)
    }
}
