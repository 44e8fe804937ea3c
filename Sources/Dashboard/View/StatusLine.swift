import Foundation
import GAN
import TerminalUI

/// The top row: what is training and how far it has got, with the trainer's state at the right.
struct StatusLine: Widget {
    let state: AppState
    let palette: Palette

    func render(into grid: inout CellGrid, area: Rect) {
        grid.fill(area, with: Cell(" ", style: palette.statusBar))
        let label = " \(stateLabel) "
        let labelWidth = label.count
        grid.put(label, at: area.right - labelWidth, area.y, style: stateStyle, clip: area)
        // Whole fields or none: a figure cut in half reads as a different figure.
        let room = area.width - labelWidth - 1
        var text = " ganscope"
        for field in fields {
            let next = text + palette.separator + field
            guard next.count <= room else { break }
            text = next
        }
        grid.put(text, at: area.x, area.y, style: palette.statusBar, clip: area)
    }

    var stateLabel: String { state.mode == .explorerOnly ? "EXPLORER" : state.trainerState.label }

    private var stateStyle: Style {
        switch state.trainerState {
        case .running: palette.real.reversed.bolded
        case .paused: palette.warning.reversed
        case .diverged: palette.error
        case .finished, .stopped: palette.focusBorder.reversed
        }
    }

    /// The figures, most important first (the row clips the tail on narrow terminals).
    var fields: [String] {
        var fields: [String] = []
        if let info = state.info {
            fields.append("\(info.datasetName) (\(info.datasetCount))")
        }
        if let slow = state.slowMotion {
            fields.append("slow motion: " + (slow.current?.label ?? palette.text("starting…", ascii: "starting...")))
        }
        if let historyStep = state.shownHistoryStep {
            fields.append("history\(palette.dot)step \(historyStep)")
        }
        if let metrics = state.latest {
            let total = state.info?.config.steps.map { "/\($0)" } ?? ""
            fields.append("step \(metrics.step)\(total)")
            // "step" counts G's updates; by hand or with K ≠ 1, D's count differs. Paused, where
            // updates are made by hand, the counts come first.
            // An autoencoder makes one update a step: nothing to count apart.
            let updates = state.model.isAdversarial ? ["updates D \(metrics.discriminatorUpdates) G \(metrics.step)"] : []
            if state.trainerState == .paused { fields += updates }
            fields.append(String(format: "epoch %.2f", metrics.epoch))
            fields.append(String(format: "%.0f steps/s", metrics.stepsPerSecond))
            fields.append(ClockDuration.text(metrics.elapsed))
            if state.trainerState != .paused { fields += updates }
        } else if state.mode == .training {
            fields.append(palette.text("starting…", ascii: "starting..."))
        } else {
            fields.append("explorer on saved generator weights")
        }
        if let snapshot = state.lastSnapshot {
            fields.append("snapshot step \(snapshot.step)")
        }
        if let info = state.info { fields.append(info.modelSummary) }
        return fields
    }
}
