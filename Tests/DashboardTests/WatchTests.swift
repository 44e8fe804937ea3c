import Foundation
import TensorBoard
import TerminalUI
import Testing
@testable import Dashboard

/// The watch screen: which tags go where, the picture keys, and the screen at the smallest size
/// without colours.
@Suite struct WatchTests {
    static func scalar(_ tag: String, _ value: Float) -> SummaryValue { SummaryValue(tag: tag, content: .simpleValue(value)) }

    static func picture(step: Int64, wallTime: Double = 100) -> Event {
        Event(wallTime: wallTime, step: step, values: [
            SummaryValue(tag: "samples", content: .image(EncodedImage(width: 2, height: 1, colorspace: 1, encoded: [UInt8(truncatingIfNeeded: step)]))),
        ])
    }

    /// A poll with these events in one run.
    static func poll(_ events: [Event], run: String = "runs/a") -> EventFolderWatcher.Poll {
        var poll = EventFolderWatcher.Poll()
        poll.newRuns = [run]
        poll.events = [(run, events)]
        return poll
    }

    @Test(arguments: [
        ("loss_D", "loss_G"), ("Loss/D", "Loss/G"), ("d_loss", "g_loss"), ("lossD", "lossG"), ("errD", "errG"),
        ("train/loss_discriminator", "train/loss_generator"), ("D_loss", "G_loss"),
    ])
    func lossTagsAreGuessed(_ pair: (String, String)) {
        var run = RunLog(name: "r")
        run.add(Event(wallTime: 1, step: 1, values: [Self.scalar(pair.0, 1), Self.scalar(pair.1, 2),
                                                      Self.scalar("lr", 0.1)]))
        let tags = RunTags(run: run)
        #expect(tags.discriminatorLoss == pair.0)
        #expect(tags.generatorLoss == pair.1)
        #expect(tags.others == ["lr"])
    }

    @Test func theShortestMatchingTagWinsAndOverridesWin() {
        var run = RunLog(name: "r")
        run.add(Event(wallTime: 1, step: 1, values: ["loss_D_real", "loss_D", "loss_G", "my/critic_thing", "D(x)",
                                                      "D(G(z))", "D_G_z1"].map { Self.scalar($0, 1) }))
        let guessed = RunTags(run: run)
        #expect(guessed.discriminatorLoss == "loss_D")
        #expect(guessed.realVerdict == "D(x)")
        #expect(guessed.fakeVerdict == "D(G(z))")
        #expect(guessed.others == ["D_G_z1", "loss_D_real", "my/critic_thing"])
        let named = RunTags(run: run, overrides: ("my/critic_thing", nil))
        #expect(named.discriminatorLoss == "my/critic_thing")
        #expect(named.others.contains("loss_D"))
    }

    @Test func followsTheNewestPictureAndScrubsBack() {
        var state = WatchState()
        var effects = watchUpdate(&state, .read(Self.poll((1...12).map { Self.picture(step: $0 * 100) })))
        #expect(effects == [.decode(PictureKey(run: "runs/a", tag: "samples", index: 11, step: 1200),
                                    EncodedImage(width: 2, height: 1, colorspace: 1, encoded: [UInt8(truncatingIfNeeded: 1200)]))])
        answer(&state, effects)
        effects = watchUpdate(&state, .key(.char("[")))
        #expect(state.scrubIndex == 10)
        answer(&state, effects)
        _ = watchUpdate(&state, .key(.char("{")))
        #expect(state.scrubIndex == 0)
        _ = watchUpdate(&state, .key(.char("}")))
        #expect(state.scrubIndex == 10)
        // New pictures do not move a scrubbed view; f follows the newest again.
        answer(&state, watchUpdate(&state, .key(.char("]"))))
        let shown = state.picture?.key
        #expect(watchUpdate(&state, .read(Self.poll([Self.picture(step: 1300)]))).isEmpty)
        #expect(state.picture?.key == shown)
        effects = watchUpdate(&state, .key(.char("f")))
        #expect(state.scrubIndex == nil)
        #expect(effects.count == 1)
        if case .decode(let key, _) = effects.first { #expect(key.step == 1300) }
    }

    @Test func tabSwitchesRunsAndLaterAnswersAreDropped() {
        var state = WatchState()
        var poll = Self.poll([Self.picture(step: 1)], run: "runs/b")
        poll.newRuns.append("runs/a")
        let first = watchUpdate(&state, .read(poll))
        #expect(state.runs.map(\.name) == ["runs/a", "runs/b"])
        #expect(first.isEmpty, "runs/a, chosen first, has no pictures")
        let effects = watchUpdate(&state, .key(.tab))
        #expect(state.currentRun?.name == "runs/b")
        guard case .decode(let key, _) = effects.first else {
            Issue.record("no picture asked for")
            return
        }
        _ = watchUpdate(&state, .key(.backTab))
        // The answer for runs/b arrives after the switch back: it is not shown.
        _ = watchUpdate(&state, .pictureDecoded(WatchPicture(key: key, content: .undecodable("x"))))
        #expect(state.picture == nil)
    }

    @Test func screenAt80x24WithoutColourShowsEveryPanel() {
        var state = WatchState(display: DisplayCapabilities(depth: .monochrome, glyphs: .ascii))
        var events = (1...20).map { step in
            Event(wallTime: 1000 + Double(step), step: Int64(step * 10), values: [
                Self.scalar("Loss/D", 1.4 - Float(step) / 100), Self.scalar("Loss/G", 0.7 + Float(step) / 50),
                Self.scalar("D(x)", 0.6), Self.scalar("D(G(z))", 0.4), Self.scalar("lr", 0.0002),
            ])
        }
        events.append(Self.picture(step: 200, wallTime: 1220))
        answer(&state, watchUpdate(&state, .read(Self.poll(events))))
        _ = watchUpdate(&state, .tick(now: 1, wallClock: 1230))
        let lines = watchView(state, size: (80, 24)).lines()
        let screen = lines.joined(separator: "\n")
        #expect(lines.count == 24 && lines.allSatisfy { $0.count == 80 })
        #expect(lines[0].contains("runs/a (1/1)") && lines[0].contains("step 200") && lines[0].contains("updated 10 s ago"))
        for text in ["losses", "Loss/D ema", "verdicts", "other scalars", "lr", "samples - step 200 - 1/1 newest",
                     "> runs/a", "q quit"] {
            #expect(screen.contains(text), "\(text)")
        }
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "ASCII glyphs only")
    }

    /// Plays the runtime: decodes every asked picture into a 2×1 gray image.
    private func answer(_ state: inout WatchState, _ effects: [WatchEffect]) {
        for case .decode(let key, _) in effects {
            _ = watchUpdate(&state, .pictureDecoded(WatchPicture(
                key: key, content: .pixels(width: 2, height: 1, channels: 1, bytes: [0, 255]))))
        }
    }
}

@Suite struct WatchThemeTests {
    @Test func unknownThemeIsNamedInANotice() {
        let state = WatchState(themeName: "nope")
        #expect(state.currentNotice?.text.hasPrefix("no theme called \"nope\"") == true)
        #expect(WatchState(themeName: "default").currentNotice == nil)
    }
}
