import ArgumentParser
import CursesBackend
import Dashboard
import Datasets
import Foundation
import GAN
import NeuralNet
import TerminalUI

/// Opens the terminal, runs the dashboard loop and restores the terminal however it ends
/// (q, Ctrl-C, SIGTERM, a thrown error; crash signals through ``CrashTerminalGuard``).
enum DashboardLauncher {
    /// Trains with the live dashboard; returns once the user quits and training has stopped.
    /// The metrics are prepared in the background, so the dashboard appears at once; pausing
    /// the run pauses that work too. `warnings` (from loading the data, printed before the
    /// dashboard hid them) open the dashboard as notices.
    static func train(_ trainer: Trainer, metrics: MetricsSetup?, display: DisplayOptions,
                      warnings: [String] = []) throws -> RunOutcome {
        let preparation = metrics?.prepareInBackground(following: trainer.events) { trainer.events.send(.notice($0)) }
        defer { preparation?.finish() }
        let final = try run(display: display, trainingSetup(trainer, display: display, warnings: warnings))
        return outcome(of: [final])
    }

    /// Trains the runs of `trainer` side by side in the compare screen's columns; returns once
    /// the user quits and training has stopped. The metrics are prepared as for ``train(_:metrics:display:)``.
    static func compare(_ trainer: Trainer, metrics: MetricsSetup?, display: DisplayOptions) throws -> RunOutcome {
        let preparation = metrics?.prepareInBackground(following: trainer.events) { trainer.events.send(.notice($0)) }
        defer { preparation?.finish() }
        let final = try withTerminal(display: display) { terminal, themes, capabilities in
            let runs = trainer.infos.map {
                AppState.training(info: $0, dataset: trainer.dataset, themes: themes, themeName: display.theme,
                                  display: capabilities)
            }
            let app = CompareApp(state: CompareState(runs: runs), screen: CursesScreen(terminal), trainer: trainer,
                                 terminationRequested: { TerminationSignals.pending != nil })
            let final = app.run()
            terminal.close()
            return final
        }
        return outcome(of: final.runs)
    }

    /// After the terminal is restored: a summary line per run, the reason of a divergence on
    /// standard error, and the outcome for the exit status (as in headless mode, so scripts can tell).
    private static func outcome(of runs: [AppState]) -> RunOutcome {
        let several = runs.count > 1
        for run in runs {
            guard let m = run.latest else { continue }
            let model = several ? "\(run.model.shortName) " : ""
            print(String(format: "ganscope: %@%@ — %d steps in %.1f s (%.1f steps/s), ", model,
                         run.trainerState.label.lowercased(), m.step, m.elapsed, Double(m.step) / max(m.elapsed, 1e-9))
                + m.losses.summaryText)
        }
        var diverged = false
        for run in runs {
            guard case .diverged(let reason) = run.trainerState else { continue }
            let model = several ? "\(run.model.shortName) " : ""
            FileHandle.standardError.write(Data("ganscope: \(model)diverged: \(reason)\n".utf8))
            diverged = true
        }
        if diverged { return .diverged }
        return TerminationSignals.pending != nil ? .interrupted : .completed
    }

    /// The terminal set up for one dashboard run: the state, the trainer (if any) and the
    /// messages to handle first, built once the terminal's abilities and the themes are known.
    typealias Setup = (ThemeCatalog, DisplayCapabilities) -> (AppState, Trainer?, [Message])

    /// The training dashboard's setup: its state, and `warnings` as the first notices.
    static func trainingSetup(_ trainer: Trainer, display: DisplayOptions, warnings: [String]) -> Setup {
        { themes, capabilities in
            (AppState.training(trainer, themes: themes, themeName: display.theme, display: capabilities), trainer,
             warnings.map { .trainer(.warning($0)) })
        }
    }

    /// Throws the explanation a user needs when standard input or output is not a terminal.
    static func requireTerminal() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw CLIError("""
                the dashboard needs a terminal, and standard input or output is not one; \
                use --headless to train in a pipe or a script (e.g. ganscope train --headless --steps 3000)
                """)
        }
    }

    static func run(display: DisplayOptions, _ setup: Setup) throws -> AppState {
        try withTerminal(display: display) { terminal, themes, capabilities in
            let (state, trainer, messages) = setup(themes, capabilities)
            let app = DashboardApp(state: state, screen: CursesScreen(terminal), trainer: trainer,
                                   initialMessages: messages, terminationRequested: { TerminationSignals.pending != nil })
            let final = app.run()
            terminal.close()
            if ProcessInfo.processInfo.environment["GANSCOPE_FRAME_STATS"] != nil {
                FileHandle.standardError.write(Data("ganscope: \(app.stats)\n".utf8))
            }
            return final
        }
    }

    /// Runs `body` on the opened terminal with the themes and what the terminal can show; the
    /// terminal is restored however it ends (and by ``CrashTerminalGuard`` on a crash).
    static func withTerminal<Result>(display: DisplayOptions,
                                     _ body: (CursesTerminal, ThemeCatalog, DisplayCapabilities) -> Result) throws -> Result {
        try requireTerminal()
        let themes = ThemeLocator.folder(explicit: display.themesDirectory).map(ThemeCatalog.load) ?? .builtIn
        CrashTerminalGuard.install()
        let terminal = try CursesTerminal.open()
        defer { terminal.close() }
        TerminationSignals.install()
        let capabilities = DisplayCapabilities(depth: terminal.colorDepth, glyphs: .forLocale(isUTF8: terminal.isUTF8))
        return body(terminal, themes, capabilities)
    }
}

