import Datasets
import Foundation
import NeuralNet
import Synchronization
import TestSupport
import TerminalUI
import Testing
@testable import Dashboard
@testable import GAN

/// A screen that types scripted keys and keeps what it is shown.
///
/// Used by one loop at a time; a test reads it after the loop has ended (`BoundedWait` orders the two).
private final class ScriptedScreen: TerminalScreen, @unchecked Sendable {
    var size = (columns: 100, rows: 30)
    var keys: [KeyPress]
    /// Returns a key once the last frame contains the text (e.g. "FINISHED"), for waiting on training.
    var keyWhenShown: (text: String, key: KeyPress)?
    /// When `keyWhenShown`'s text has not appeared by then, types `q` and sets `gaveUp`, so a
    /// run that never gets there fails the test instead of hanging it.
    var giveUpAt: Date?
    private(set) var gaveUp = false
    private(set) var frames: [CellGrid] = []
    private(set) var colorResets = 0

    init(keys: [KeyPress]) {
        self.keys = keys
    }

    func readKey(timeoutMilliseconds: Int32) -> KeyPress? {
        if let wanted = keyWhenShown, frames.last?.lines().joined().contains(wanted.text) == true {
            keyWhenShown = nil
            return wanted.key
        }
        if keyWhenShown != nil, let giveUpAt, Date() >= giveUpAt {
            keyWhenShown = nil
            gaveUp = true
            return .char("q")
        }
        return keys.isEmpty ? nil : keys.removeFirst()
    }

    func draw(_ grid: CellGrid) { frames.append(grid) }

    func resetColors() { colorResets += 1 }
}

/// The loop with scripted keys. Each test would hang if the loop never returned (a key or
/// signal ignored, a trainer that never ends), so the loop runs under a bounded wait.
@Suite struct AppLoopTests {
    @Test func explorerAloneAnswersKeysAndQuits() throws {
        let screen = ScriptedScreen(keys: [.right, .right, .char("t"), .char("q")])
        let state = AppState(mode: .explorerOnly, shape: Fixtures.imageShape)
        let final = try #require(runBounded {
            DashboardApp(state: state, screen: screen, trainer: nil,
                         initialMessages: [.savedGenerator(Fixtures.generator(), step: 1)],
                         terminationRequested: { false }).run()
        })
        #expect(final.isQuitting)
        #expect(abs(final.explorer.t - 0.6) < 1e-6)
        #expect(final.explorer.images?.requestID == final.explorer.requestID)
        #expect(screen.colorResets == 1)
        #expect(!screen.frames.isEmpty)
    }

    @Test func aTerminationSignalEndsTheLoop() throws {
        let screen = ScriptedScreen(keys: [])
        let final = try #require(runBounded {
            DashboardApp(state: AppState(mode: .explorerOnly), screen: screen, trainer: nil,
                         terminationRequested: { true }).run()
        })
        #expect(final.isQuitting)
    }

    /// Runs a `Trainer` (which sets BLAS's thread count), so it holds the pin. The screen gives
    /// up waiting for "FINISHED" shortly before the bounded wait ends, so a trainer that never
    /// finishes fails the test (and the loop, told to quit, stops the trainer).
    @Test func trainsToTheEndAndShowsIt() throws {
        let gan = try Self.ringGAN(steps: 40)
        let screen = ScriptedScreen(keys: [])
        screen.keyWhenShown = ("FINISHED", .char("q"))
        let trainer = Trainer(step: gan, publishInterval: 0.01)
        let state = AppState.training(trainer, themes: .builtIn, themeName: nil, display: .full)
        let ended = try BLASThreadPin.pinned(to: 1) {
            screen.giveUpAt = Date(timeIntervalSinceNow: BoundedWait.seconds - 10)
            return runBounded { DashboardApp(state: state, screen: screen, trainer: trainer, terminationRequested: { false }).run() }
        }
        let final = try #require(ended)
        #expect(!screen.gaveUp, "FINISHED was never shown")
        #expect(final.trainerState == .finished)
        #expect(final.latest?.step == 40)
        #expect(final.history.discriminatorLoss.appendedCount == 40)
        #expect(final.realPoints.count == AppState.realPointCount)
        #expect(final.explorer.images != nil)
        let lastFrame = try #require(screen.frames.last).lines().joined(separator: "\n")
        #expect(lastFrame.contains("step 40/40"))
    }

    /// A GAN and a VAE side by side: both columns go live and finish together, and `q` leaves.
    /// Runs a `Trainer`, so it holds the pin; the screen gives up as in ``trainsToTheEndAndShowsIt()``.
    @Test func compareTrainsEveryRunToTheEndAndShowsThem() throws {
        let gan = try Self.ringGAN(steps: 30)
        let vae = try AutoencoderStep.fresh(config: gan.config, options: AutoencoderOptions(kind: .vae, reconstruction: .mse),
                                            dataset: gan.dataset)
        let screen = ScriptedScreen(keys: [])
        screen.size = (120, 40)
        screen.keyWhenShown = ("VAE · step 30 · FINISHED", .char("q"))
        let trainer = Trainer(steps: [gan, vae], publishInterval: 0.01)
        let runs = trainer.infos.map {
            AppState.training(info: $0, dataset: trainer.dataset, themes: .builtIn, themeName: nil, display: .full)
        }
        let ended = try BLASThreadPin.pinned(to: 1) {
            screen.giveUpAt = Date(timeIntervalSinceNow: BoundedWait.seconds - 10)
            return runBounded {
                CompareApp(state: CompareState(runs: runs), screen: screen, trainer: trainer,
                           terminationRequested: { false }).run()
            }
        }
        let final = try #require(ended)
        #expect(!screen.gaveUp, "the VAE's end was never shown")
        #expect(final.isQuitting)
        #expect(final.runs.map(\.trainerState) == [.finished, .finished])
        #expect(final.runs.map { $0.latest?.step } == [30, 30])
        #expect(final.runs.allSatisfy { $0.samples != nil })
        let header = try #require(screen.frames.last).lines()[0]
        #expect(header.hasPrefix(" GAN · step 30 · FINISHED") && header.contains("VAE · step 30 · FINISHED"))
    }

    /// A small GAN on `ring` that trains `steps` steps on one thread.
    private static func ringGAN(steps: Int) throws -> GANStep {
        try BLAS.load()
        var config = TrainingConfig()
        config.dataset = "ring"
        config.steps = steps
        config.batchSize = 16
        config.threads = 1
        config.sampleCount = 16
        let dataset = try DatasetCatalog.load("ring", seed: 0)
        let architecture = ModelArchitecture(for: dataset.shape, featureCount: dataset.featureCount, latentDimension: nil)
        return GANStep(model: GANModel(architecture: architecture, seed: 0, sampleCount: 16), config: config,
                       dataset: dataset)
    }

    /// Runs `body` (a loop to its end) on a thread of its own, waiting at most
    /// `BoundedWait.seconds`: its final state, or nil (and a recorded failure) if it did not return.
    private func runBounded<Final: Sendable>(_ body: @escaping @Sendable () -> Final,
                                             sourceLocation: SourceLocation = #_sourceLocation) -> Final? {
        let result = Mutex<Final?>(nil)
        let ended = BoundedWait.finishes {
            let final = body()
            result.withLock { $0 = final }
        }
        #expect(ended, "the loop did not return within \(Int(BoundedWait.seconds)) s",
                sourceLocation: sourceLocation)
        return ended ? result.withLock { $0 } : nil
    }
}
