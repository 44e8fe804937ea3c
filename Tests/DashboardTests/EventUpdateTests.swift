import Testing
@testable import Dashboard
@testable import GAN

/// `update` on trainer events and the clock.
@Suite struct EventUpdateTests {
    @Test func startedRecordsTheRun() {
        var state = AppState(mode: .training)
        #expect(update(&state, .trainer(.started(Fixtures.info()))).isEmpty)
        #expect(state.info?.datasetName == "faces")
        #expect(state.shape == Fixtures.imageShape)
    }

    @Test func stepsGoIntoTheHistory() {
        var state = AppState(mode: .training)
        let revision = state.revision
        _ = update(&state, .trainer(.step(Fixtures.metrics(step: 1, d: 1.3))))
        _ = update(&state, .trainer(.step(Fixtures.metrics(step: 2, d: 1.1))))
        #expect(state.latest?.step == 2)
        #expect(state.history.discriminatorLoss.values == [1.3, 1.1])
        #expect(state.revision == revision + 2)
    }

    @Test func picturesAreKeptLatestOnly() {
        var state = AppState(mode: .training)
        _ = update(&state, .trainer(.samples(Fixtures.samples(step: 5))))
        _ = update(&state, .trainer(.samples(Fixtures.samples(step: 9))))
        _ = update(&state, .trainer(.verdicts(Fixtures.verdicts())))
        #expect(state.samples?.step == 9)
        #expect(state.verdicts?.real.count == 64)
    }

    @Test func generatorWeightsGoToTheRuntimeAndRedrawTheExplorer() {
        var state = AppState(mode: .training, shape: Fixtures.imageShape)
        let weights = Fixtures.generator()
        let effects = update(&state, .trainer(.generator(GeneratorSnapshot(step: 3, weights: weights,
                                                                            shape: Fixtures.imageShape))))
        #expect(effects.count == 2)
        #expect(effects.first == .loadGenerator(weights))
        #expect(state.explorer.latentDimension == 4)
        #expect(state.explorer.generatorStep == 3)
    }

    @Test func decisionSurfaceIsKept() {
        var state = AppState(mode: .training, shape: .points)
        let surface = Fixtures.surface(columns: 4, rows: 2)
        _ = update(&state, .trainer(.decisionSurface(surface)))
        #expect(state.surface == surface)
    }

    @Test func evaluationsShowTheMetricsPanel() {
        var state = AppState(mode: .training)
        #expect(!state.visiblePanels.contains(.metrics))
        var report = EvaluationReport(step: 10)
        report.discriminatorAUC = 0.75
        _ = update(&state, .trainer(.evaluation(report)))
        #expect(state.visiblePanels.contains(.metrics))
        #expect(MetricsPanel.rows(for: state.evaluations).map(\.label) == ["D's ROC AUC"])
    }

    @Test func divergenceIsAnnouncedAsAnError() {
        var state = AppState(mode: .training)
        _ = update(&state, .trainer(.state(.diverged("loss became NaN"))))
        #expect(state.trainerState.label == "DIVERGED")
        #expect(state.currentNotice?.level == .error)
        #expect(state.currentNotice?.text.contains("loss became NaN") == true)
    }

    @Test func pauseAndFinishChangeTheState() {
        var state = AppState(mode: .training)
        _ = update(&state, .trainer(.state(.paused)))
        #expect(state.trainerState == .paused)
        #expect(state.currentNotice == nil)
        _ = update(&state, .trainer(.state(.finished)))
        #expect(state.trainerState == .finished)
        #expect(state.currentNotice?.text.contains("finished") == true)
    }

    @Test func snapshotsAndWarningsBecomeNotices() {
        var state = AppState(mode: .training)
        _ = update(&state, .trainer(.warning("snapshots need a checkpoint folder")))
        #expect(state.currentNotice?.level == .warning)
        _ = update(&state, .trainer(.checkpointSaved(path: "runs/a.safetensors", step: 40)))
        #expect(state.lastSnapshot?.step == 40)
        #expect(state.currentNotice?.text == "snapshot saved: runs/a.safetensors (step 40)")
    }

    @Test func noticesExpireWithTheClock() {
        var state = AppState(mode: .training)
        _ = update(&state, .trainer(.warning("careful")))
        let revision = state.revision
        _ = update(&state, .tick(now: 1))
        #expect(state.currentNotice != nil)
        #expect(state.revision == revision)  // nothing visible changed: no redraw
        _ = update(&state, .tick(now: Notice.lifetime + 1))
        #expect(state.currentNotice?.text == "careful")  // a warning outlives an ordinary notice
        _ = update(&state, .tick(now: Notice.warningLifetime + 1))
        #expect(state.currentNotice == nil)
        #expect(state.revision == revision + 1)
        _ = update(&state, .trainer(.checkpointSaved(path: "a.safetensors", step: 1)))
        _ = update(&state, .tick(now: Notice.warningLifetime + Notice.lifetime + 2))
        #expect(state.currentNotice == nil)
    }

    @Test func terminationSignalQuits() {
        var state = AppState(mode: .training)
        #expect(update(&state, .terminationSignal) == [.quit])
        #expect(state.isQuitting)
    }

    @Test func unknownThemeNameFallsBackWithANotice() {
        let state = AppState(mode: .training, themeName: "neon")
        #expect(state.theme.name == "default")
        #expect(state.currentNotice?.text.contains("neon") == true)
    }
}
