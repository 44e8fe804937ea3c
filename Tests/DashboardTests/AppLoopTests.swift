import Datasets
import NeuralNet
import TerminalUI
import Testing
@testable import Dashboard
@testable import GAN

/// A screen that types scripted keys and keeps what it is shown.
private final class ScriptedScreen: TerminalScreen {
    var size = (columns: 100, rows: 30)
    var keys: [KeyPress]
    /// Returns a key once the last frame contains the text (e.g. "FINISHED"), for waiting on training.
    var keyWhenShown: (text: String, key: KeyPress)?
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
        return keys.isEmpty ? nil : keys.removeFirst()
    }

    func draw(_ grid: CellGrid) { frames.append(grid) }

    func resetColors() { colorResets += 1 }
}

@Suite struct AppLoopTests {
    @Test func explorerAloneAnswersKeysAndQuits() {
        let screen = ScriptedScreen(keys: [.right, .right, .char("t"), .char("q")])
        let state = AppState(mode: .explorerOnly, shape: Fixtures.imageShape)
        let app = DashboardApp(state: state, screen: screen, trainer: nil,
                               initialMessages: [.savedGenerator(Fixtures.generator(), step: 1)],
                               terminationRequested: { false })
        let final = app.run()
        #expect(final.isQuitting)
        #expect(abs(final.explorer.t - 0.6) < 1e-6)
        #expect(final.explorer.images?.requestID == final.explorer.requestID)
        #expect(screen.colorResets == 1)
        #expect(!screen.frames.isEmpty)
    }

    @Test func aTerminationSignalEndsTheLoop() {
        let screen = ScriptedScreen(keys: [])
        let app = DashboardApp(state: AppState(mode: .explorerOnly), screen: screen, trainer: nil,
                               terminationRequested: { true })
        #expect(app.run().isQuitting)
    }

    @Test func trainsToTheEndAndShowsIt() throws {
        try BLAS.load()
        var config = TrainingConfig()
        config.dataset = "ring"
        config.steps = 40
        config.batchSize = 16
        config.threads = 1
        let dataset = try DatasetCatalog.load("ring", seed: 0)
        let architecture = ModelArchitecture(for: dataset.shape, featureCount: dataset.featureCount, latentDimension: nil)
        let gan = GANStep(model: GANModel(architecture: architecture, seed: 0, sampleCount: 16), config: config,
                          dataset: dataset)
        let screen = ScriptedScreen(keys: [])
        screen.keyWhenShown = ("FINISHED", .char("q"))
        let state = AppState.training(gan, themes: .builtIn, themeName: nil, display: .full)
        let final = DashboardApp(state: state, screen: screen, trainer: Trainer(gan: gan, publishInterval: 0.01),
                                 terminationRequested: { false }).run()
        #expect(final.trainerState == .finished)
        #expect(final.latest?.step == 40)
        #expect(final.history.discriminatorLoss.appendedCount == 40)
        #expect(final.realPoints.count == AppState.realPointCount)
        #expect(final.explorer.images != nil)
        let lastFrame = try #require(screen.frames.last).lines().joined(separator: "\n")
        #expect(lastFrame.contains("step 40/40"))
    }
}
