@testable import Dashboard
@testable import GAN
import TerminalUI
import Testing

/// The compare screen's keys and events as pure state transitions, and what its view adds to
/// the columns: the footer's notices and the help.
@Suite struct CompareUpdateTests {
    static func state() -> CompareState { CompareState(runs: CompareViewTests.runs()) }

    @Test func keysActOnEveryRunThroughOneEffect() {
        var state = Self.state()
        #expect(compareUpdate(&state, .key(.char(" "))) == [.togglePause])
        #expect(compareUpdate(&state, .key(.char("s"))) == [.requestSnapshot])
        #expect(state.currentNotice?.text == "snapshot requested: one file per model")
        #expect(compareUpdate(&state, .key(.char("q"))) == [.quit])
        #expect(state.isQuitting)
        var interrupted = Self.state()
        #expect(compareUpdate(&interrupted, .key(.interrupt)) == [.quit])
        var signalled = Self.state()
        #expect(compareUpdate(&signalled, .terminationSignal) == [.quit] && signalled.isQuitting)
    }

    @Test func helpOpensAndAnyKeyButQuitClosesIt() {
        var state = Self.state()
        #expect(compareUpdate(&state, .key(.char("?"))).isEmpty && state.showsHelp)
        #expect(compareUpdate(&state, .key(.char(" "))).isEmpty && !state.showsHelp)  // closes, does not pause
        _ = compareUpdate(&state, .key(.char("?")))
        #expect(compareUpdate(&state, .key(.char("q"))) == [.quit])
    }

    @Test func keysOfASingleRunAreExplainedNotActedOn() {
        var state = Self.state()
        for key: KeyPress in [.char("d"), .char("z"), .left, .tab] {
            #expect(compareUpdate(&state, .key(key)).isEmpty)
            #expect(state.currentNotice?.text.hasPrefix("compare takes space") == true)
        }
    }

    @Test func eventsGoToTheirRunAndEndedRunsAreNotPaused() {
        var state = Self.state()
        let before = state.revision
        _ = compareUpdate(&state, .trainer(run: 1, .state(.paused)))
        #expect(state.runs.map(\.trainerState) == [.running, .paused])
        #expect(state.revision > before)
        _ = compareUpdate(&state, .trainer(run: 5, .state(.paused)))  // no such run: ignored
        #expect(state.runs.map(\.trainerState) == [.running, .paused])
        _ = compareUpdate(&state, .trainer(run: 0, .state(.finished)))
        #expect(state.currentNotice?.text == "GAN: training finished; press q to leave")  // no explorer here
        _ = compareUpdate(&state, .trainer(run: 1, .state(.stopped)))
        #expect(compareUpdate(&state, .key(.char(" "))).isEmpty)
        #expect(state.currentNotice?.text == "training has ended")
        #expect(compareUpdate(&state, .key(.char("s"))) == [.requestSnapshot])  // still answered after the end
    }

    @Test func notesOnTheSharedMetricsAreTheScreensNotTheFirstModels() {
        // The metrics are set up once for every run; their notes come through the first run's
        // events but are about none of the models in particular.
        var state = Self.state()
        _ = compareUpdate(&state, .trainer(run: 0, .notice("training the digits classifier (2000 steps, once)")))
        #expect(state.currentNotice?.text == "training the digits classifier (2000 steps, once)")
        #expect(state.runs[0].currentNotice == nil)
    }

    @Test func theNewestNoticeOfAnyRunIsNamedByItsModelAndExpires() {
        var state = Self.state()
        _ = compareUpdate(&state, .tick(now: 1))
        _ = compareUpdate(&state, .trainer(run: 1, .checkpointSaved(path: "ck/digits-0-vae-000120.safetensors", step: 120)))
        #expect(state.currentNotice?.text == "VAE: snapshot saved: ck/digits-0-vae-000120.safetensors (step 120)")
        let lines = compareView(state, size: (120, 40)).lines()
        #expect(lines[39].hasPrefix(" VAE: snapshot saved: ck/digits-0-vae-000120.safetensors"))
        #expect(lines[0].dropFirst(60).hasPrefix(" VAE · step 120 · RUNNING · saved step 120"))
        _ = compareUpdate(&state, .tick(now: 1 + Notice.lifetime + 1))
        #expect(state.currentNotice == nil)
        #expect(compareView(state, size: (120, 40)).lines()[39].hasPrefix(" space pause · s snapshot · ? help · q quit"))
    }

    @Test func theViewShowsTheHelpAndNoKeyHintsOfASingleRun() {
        var state = Self.state()
        let vaeTitle = compareView(state, size: (120, 40)).lines()[1].dropFirst(60)
        #expect(vaeTitle.hasPrefix("┌ Samples · decoded prior · step 100 ") && !vaeTitle.contains("z:"))
        _ = compareUpdate(&state, .key(.char("?")))
        let lines = compareView(state, size: (120, 40)).lines()
        #expect(lines.contains { $0.contains("save a snapshot of every run now, one file per model") })
        #expect(!lines.contains { $0.contains("explorer") })
        #expect(compareView(state, size: (60, 10)).lines()[3].contains("Please enlarge"))
    }
}
