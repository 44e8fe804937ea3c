import Foundation
import GAN
import Metrics
import Observer
import Synchronization
import TerminalUI

/// Headless mode's view of training: a progress bar with rate and ETA on a terminal, plain
/// lines when piped. Subscribed to the trainer's events; prints from the training thread, which
/// is fine here since nothing else draws.
final class HeadlessReporter: Sendable {
    private struct Progress {
        var lastPrinted = -Double.infinity
        var lastMetrics: StepMetrics?
    }

    private let totalSteps: Int?
    private let isTerminal: Bool
    private let progress = Mutex(Progress())
    private let interval: Double
    /// Starts every line: the model's name in `ganscope compare` ("vae: "), else empty.
    private let prefix: String

    init(totalSteps: Int?, isTerminal: Bool, label: String? = nil) {
        self.totalSteps = totalSteps
        self.isTerminal = isTerminal
        interval = isTerminal ? 0.1 : 2.0
        prefix = label.map { "\($0): " } ?? ""
    }

    func handle(_ event: TrainerEvent) {
        switch event {
        case .started(let info):
            let resumed = info.startStep > 0 ? ", resuming at step \(info.startStep)" : ""
            printLine("""
                ganscope: \(info.datasetName) (\(info.datasetCount) samples), \(info.modelSummary), \
                \(Self.objective(of: info)), M=\(info.config.batchSize)\(resumed)
                """)
        case .step(let metrics):
            let due = progress.withLock { progress in
                progress.lastMetrics = metrics
                let due = metrics.elapsed - progress.lastPrinted >= interval
                if due { progress.lastPrinted = metrics.elapsed }
                return due
            }
            if due { show(metrics) }
        case .state(let state):
            switch state {
            case .running, .paused: break
            case .finished, .stopped:
                if let metrics = progress.withLock({ $0.lastMetrics }) { show(metrics) }
                finishLine()
                printLine("ganscope: \(state == .finished ? "finished" : "stopped") — \(summary())")
            case .diverged(let reason):
                finishLine()
                printError("ganscope: diverged: \(reason)")
            }
        case .checkpointSaved(let path, let step):
            finishLine()
            printLine("ganscope: saved step \(step) to \(path)")
        case .notice(let message):
            finishLine()
            printLine("ganscope: \(message)")
        case .warning(let message):
            finishLine()
            printError("ganscope: \(message)")
        case .evaluation(let report):
            finishLine()
            printLine(report.summaryLine)
        case .verdicts, .samples, .generator, .decisionSurface, .reconstructions, .encodedPoints, .control:  // commands come from the dashboard
            break
        }
    }

    /// What the model optimises, for the first line.
    static func objective(of info: TrainingInfo) -> String {
        switch info.family {
        case .gan: "\(info.config.loss.rawValue) loss, K=\(info.config.discriminatorSteps)"
        case .autoencoder, .variationalAutoencoder: info.family.rawValue
        }
    }

    private func summary() -> String {
        guard let m = progress.withLock({ $0.lastMetrics }) else { return "no steps run" }
        return String(format: "%d steps in %.1f s, ", m.step, m.elapsed) + m.losses.summaryText
    }

    private func show(_ m: StepMetrics) {
        let figures = m.losses.progressText + String(format: "  %.0f steps/s", m.stepsPerSecond)
        guard isTerminal else {
            printLine("step \(m.step)\(totalSteps.map { "/\($0)" } ?? "")  \(figures)")
            return
        }
        var line = "step \(m.step)"
        if let total = totalSteps {
            let fraction = min(1, Double(m.step) / Double(total))
            let bar = ProgressBar.text(fraction: fraction)
            let remaining = m.stepsPerSecond > 0 ? Double(total - m.step) / m.stepsPerSecond : 0
            line = String(format: "[%@] %3.0f%% %d/%d ETA %@", bar, fraction * 100, m.step, total,
                          ClockDuration.text(remaining))
        }
        // Clip to the terminal's width: a wrapped line could not be redrawn in place.
        let text = String((line + "  " + figures).prefix(max(10, Self.terminalColumns() - 1)))
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    private func finishLine() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((prefix + text + "\n").utf8))
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((prefix + text + "\n").utf8))
    }

    /// Columns of the terminal on standard error (80 if it cannot tell).
    private static func terminalColumns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
