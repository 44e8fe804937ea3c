import Foundation
@testable import GAN
import NeuralNet
import SafeTensors
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

/// The loop follows a run's generator snapshots: a PyTorch state dict that appears beside the
/// event file is explored, a newer half-written one is a notice and the explorer keeps the first.
@Suite struct WatchAppSnapshotTests {
    @Test func exploresASnapshotAndKeepsItWhenANewerOneIsBroken() throws {
        try BLAS.load()
        let run = NSTemporaryDirectory() + "ganscope-watch-\(UUID().uuidString)/exp1"
        try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (run as NSString).deletingLastPathComponent) }
        let writer = try EventFileWriter(folder: run)
        try writer.write(Event(wallTime: Date().timeIntervalSince1970, step: 5, values: [
            SummaryValue(tag: "loss_D", content: .simpleValue(0.7)),
        ]))
        writer.close()
        // G: Linear(4, 16), LeakyReLU, Linear(16, 64), Tanh as PyTorch names it: 8×8 gray images.
        let weights = Fixtures.generator(outputs: 64)
        let layout = weights.layout.parameters
        let tensors = try zip(layout, weights.tensors).map { try Tensor(name: $0.name, shape: $0.shape, values: $1) }
        let bytes = try SafeTensorsFile(tensors: tensors).encoded()
        try Data(bytes).write(to: URL(fileURLWithPath: run + "/G_0100.safetensors"))

        let screen = SnapshotScreen(giveUpAt: Date(timeIntervalSinceNow: 40)) {
            // Once the first is explored: a newer file, cut short as while PyTorch still writes it.
            let path = run + "/G_0200.safetensors"
            try? Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: path))
            try? FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path)
        }
        let app = WatchApp(state: WatchState(), watcher: EventFolderWatcher(roots: [run]), screen: screen,
                           decode: { _ in .undecodable("unused") }, terminationRequested: { false },
                           loadSnapshot: { path in
                               do throws(CheckpointError) {
                                   let file = try GeneratorFile.load(path: path)
                                   return .generator(file.weights, shape: file.shape, summary: file.summary)
                               } catch {
                                   return .failed(error.description)
                               }
                           })
        // Bounded as the test above: the screen presses q at the latest after 40 s.
        let final: WatchState? = app.run()
        #expect(screen.sawExplorer, "the snapshot never reached the explorer")
        #expect(screen.sawNotice, "the broken snapshot gave no notice")
        #expect(final?.snapshots.loaded?.name == "G_0100.safetensors")
        let notice = final?.notices.last?.text ?? ""
        #expect(notice.hasPrefix("snapshot not loaded: \(run)/G_0200.safetensors: "), "\(notice)")
        #expect(notice.hasSuffix("; the explorer keeps G_0100.safetensors"), "\(notice)")
        #expect(final?.showsExplorer == true)
    }
}

/// Sees the explorer on the first snapshot, then writes a broken newer one and waits for the notice.
private final class SnapshotScreen: TerminalScreen {
    let size = (columns: 100, rows: 30)
    private let giveUpAt: Date
    private var breakSnapshot: (() -> Void)?
    private(set) var sawExplorer = false
    private(set) var sawNotice = false

    init(giveUpAt: Date, breakSnapshot: @escaping () -> Void) {
        self.giveUpAt = giveUpAt
        self.breakSnapshot = breakSnapshot
    }

    func readKey(timeoutMilliseconds: Int32) -> KeyPress? { sawNotice || Date() > giveUpAt ? .char("q") : nil }

    func draw(_ grid: CellGrid) {
        let screen = grid.lines().joined(separator: "\n")
        if screen.contains("explorer · G_0100.safetensors"), screen.contains("z[0] of 4") {
            sawExplorer = true
            breakSnapshot?()
            breakSnapshot = nil
        }
        if sawExplorer, screen.contains("snapshot not loaded: ") { sawNotice = true }
    }

    func resetColors() {}
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
