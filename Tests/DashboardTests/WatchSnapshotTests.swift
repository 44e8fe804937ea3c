import Datasets
import Foundation
import NeuralNet
import TensorBoard
import TerminalUI
import Testing
@testable import Dashboard

/// The watch screen's explorer follows the chosen run's newest generator snapshot: a newer file
/// is loaded, a broken one is a notice and the generator before it stays.
@Suite struct WatchSnapshotTests {
    static let shape = DataShape.image(width: 8, height: 8, channels: 1)
    static func file(_ name: String, modified: Double) -> SnapshotFile {
        SnapshotFile(path: "runs/a/\(name)", size: 100, modified: modified)
    }

    /// A state with run `runs/a` and its newest snapshot `first`.
    static func watching(_ first: SnapshotFile) -> (WatchState, [WatchEffect]) {
        var state = WatchState(display: .full)
        _ = watchUpdate(&state, .read(WatchTests.poll([WatchTests.picture(step: 1)])))
        let effects = watchUpdate(&state, .snapshotsFound(["runs/a": first]))
        return (state, effects)
    }

    static func loaded(_ state: inout WatchState, _ file: SnapshotFile) -> [WatchEffect] {
        watchUpdate(&state, .snapshotLoaded(file, .generator(Fixtures.generator(outputs: 64), shape: shape,
                                                              summary: "PyTorch state dict: mlp 4-8-64")))
    }

    @Test func followsTheNewestSnapshot() {
        let first = Self.file("G_100.safetensors", modified: 10)
        var (state, effects) = Self.watching(first)
        #expect(effects == [.loadSnapshot(first)])
        #expect(!state.showsExplorer)
        // Polls that find the same file while it loads ask nothing more.
        #expect(watchUpdate(&state, .snapshotsFound(["runs/a": first])).isEmpty)
        let answered = Self.loaded(&state, first)
        #expect(answered.count == 2)
        guard case .loadGenerator = answered.first, case .renderExplorer(let request) = answered.last else {
            Issue.record("expected a generator load and a render, got \(answered)")
            return
        }
        #expect(request.latentDimension == 4)
        #expect(state.showsExplorer)
        #expect(state.currentNotice?.text == "explorer: G_100.safetensors (PyTorch state dict: mlp 4-8-64)")
        // A newer file is loaded; the same one again is not.
        #expect(watchUpdate(&state, .snapshotsFound(["runs/a": first])).isEmpty)
        let second = Self.file("G_200.safetensors", modified: 20)
        #expect(watchUpdate(&state, .snapshotsFound(["runs/a": second])) == [.loadSnapshot(second)])
        _ = Self.loaded(&state, second)
        #expect(state.snapshots.loaded == second)
    }

    @Test func aBrokenSnapshotIsANoticeAndTheGeneratorStays() {
        let good = Self.file("G_100.safetensors", modified: 10)
        var (state, _) = Self.watching(good)
        _ = Self.loaded(&state, good)
        let broken = Self.file("G_200.safetensors", modified: 20)
        #expect(watchUpdate(&state, .snapshotsFound(["runs/a": broken])) == [.loadSnapshot(broken)])
        #expect(watchUpdate(&state, .snapshotLoaded(broken, .failed("runs/a/G_200.safetensors: file is truncated"))).isEmpty)
        #expect(state.currentNotice?.text
                    == "snapshot not loaded: runs/a/G_200.safetensors: file is truncated; the explorer keeps G_100.safetensors")
        #expect(state.showsExplorer && state.snapshots.loaded == good)
        // Not read again until it changes; once whole (new size) it is.
        #expect(watchUpdate(&state, .snapshotsFound(["runs/a": broken])).isEmpty)
        _ = watchUpdate(&state, .tick(now: 1, wallClock: 1))
        var whole = broken
        whole.size = 200
        #expect(watchUpdate(&state, .snapshotsFound(["runs/a": whole])) == [.loadSnapshot(whole)])
    }

    @Test func explorerKeysWalkOnlyWhileTheExplorerShows() {
        let file = Self.file("G.safetensors", modified: 1)
        var (state, _) = Self.watching(file)
        // No generator yet: ← scrubs the pictures.
        #expect(watchUpdate(&state, .key(.left)).allSatisfy { if case .decode = $0 { true } else { false } })
        _ = Self.loaded(&state, file)
        let t = state.snapshots.explorer.t
        let effects = watchUpdate(&state, .key(.right))
        #expect(state.snapshots.explorer.t > t)
        guard case .renderExplorer = effects.first else {
            Issue.record("→ should render the explorer, got \(effects)")
            return
        }
        #expect(watchUpdate(&state, .key(.down)).isEmpty)
        #expect(state.snapshots.explorer.dimension == 1)
    }

    @Test func theExplorerPanelIsDrawnAt80x24() {
        let file = Self.file("G.safetensors", modified: 1)
        var (state, _) = Self.watching(file)
        for effect in Self.loaded(&state, file) {
            guard case .renderExplorer(let request) = effect else { continue }
            let engine = ExplorerEngine()
            engine.load(Fixtures.generator(outputs: 64))
            if let images = engine.render(request) { _ = watchUpdate(&state, .explorerRendered(images)) }
        }
        let screen = watchView(state, size: (80, 24)).lines().joined(separator: "\n")
        #expect(screen.contains("explorer · G.safetensors"))
        #expect(screen.contains("slerp · z[0] of 4"))
        #expect(screen.contains("runs · tab switches"))
    }
}
