import Foundation
import TensorBoard
import TerminalUI
import Testing
@testable import Dashboard

/// The watch loop on a fake screen: it finds a run that appears while it runs, draws it, and
/// leaves on `q`. Bounded: the screen presses `q` anyway after 40 s, so a broken loop fails
/// rather than hangs.
@Suite struct WatchAppTests {
    @Test func findsARunWrittenWhileItWatchesAndQuits() throws {
        let root = NSTemporaryDirectory() + "ganscope-watch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let screen = ScriptedScreen(giveUpAt: Date(timeIntervalSinceNow: 40))
        // The run appears after the first frame: the loop must find it on a later poll.
        screen.afterFirstFrame = {
            let writer = try? EventFileWriter(folder: root + "/exp1")
            try? writer?.write(Event(wallTime: Date().timeIntervalSince1970, step: 5, values: [
                SummaryValue(tag: "loss_D", content: .simpleValue(0.7)),
                SummaryValue(tag: "samples", content: .image(EncodedImage(width: 2, height: 1, colorspace: 1, encoded: [1]))),
            ]))
            writer?.close()
        }
        let app = WatchApp(state: WatchState(), watcher: EventFolderWatcher(roots: [root]), screen: screen,
                           decode: { _ in .pixels(width: 2, height: 1, channels: 1, bytes: [0, 255]) },
                           terminationRequested: { false })
        let final = app.run()
        #expect(screen.sawRun, "the run never appeared on screen")
        #expect(final.isQuitting)
        #expect(final.runs.map(\.name) == [root + "/exp1"])
        #expect(final.picture?.key.step == 5)
    }
}

/// Presses `q` once a frame shows the run's picture (or at `giveUpAt`).
private final class ScriptedScreen: TerminalScreen {
    let size = (columns: 100, rows: 30)
    private let giveUpAt: Date
    var afterFirstFrame: (() -> Void)?
    private(set) var sawRun = false

    init(giveUpAt: Date) { self.giveUpAt = giveUpAt }

    func readKey(timeoutMilliseconds: Int32) -> KeyPress? { sawRun || Date() > giveUpAt ? .char("q") : nil }

    func draw(_ grid: CellGrid) {
        afterFirstFrame?()
        afterFirstFrame = nil
        if grid.lines().joined().contains("samples · step 5 · 1/1") { sawRun = true }
    }

    func resetColors() {}
}
