import Testing
@testable import Dashboard
@testable import GAN

/// Steering keys as pure `update` transitions: updates by hand (`d`, `g`, `n`), the control
/// panel (`c`) and slow motion (`m`), and what the trainer's answers do to the state.
@Suite struct SteeringKeyTests {
    private func press(_ state: inout AppState, _ key: KeyPress) -> [Effect] { update(&state, .key(key)) }

    private func pausedState() -> AppState {
        var state = Fixtures.trainingState()
        _ = update(&state, .trainer(.state(.paused)))
        return state
    }

    @Test func dGAndNStepAPausedRun() {
        var state = pausedState()
        #expect(press(&state, .char("d")) == [.send(.update(.discriminator))])
        #expect(press(&state, .char("g")) == [.send(.update(.generator))])
        #expect(press(&state, .char("n")) == [.send(.update(.iteration))])
    }

    @Test func dWhileRunningAsksForAPause() {
        var state = Fixtures.trainingState()
        #expect(press(&state, .char("d")).isEmpty)
        #expect(state.currentNotice?.text.contains("pause first") == true)
    }

    @Test func stepKeysAfterTheEndOrInTheExplorerOnlyExplain() {
        var ended = Fixtures.trainingState()
        _ = update(&ended, .trainer(.state(.finished)))
        #expect(press(&ended, .char("n")).isEmpty)
        #expect(ended.currentNotice?.text.contains("ended") == true)
        var explorer = AppState(mode: .explorerOnly, shape: Fixtures.imageShape)
        #expect(press(&explorer, .char("g")).isEmpty)
        #expect(press(&explorer, .char("c")).isEmpty)
        #expect(explorer.controlPanel == nil)
    }

    /// The acceptance sequence in the panel: K to 3 (two notches), D's rate doubled.
    @Test func controlPanelChangesSettings() {
        var state = pausedState()
        #expect(press(&state, .char("c")).isEmpty)
        #expect(state.controlPanel?.selection == .discriminatorSteps)
        #expect(press(&state, .right) == [.send(.set(.discriminatorSteps(2)))])
        #expect(press(&state, .right) == [.send(.set(.discriminatorSteps(3)))])
        #expect(press(&state, .down).isEmpty && press(&state, .down).isEmpty)
        #expect(state.controlPanel?.selection == .learningRateD)
        #expect(press(&state, .right) == [.send(.set(.learningRateD(4e-4)))])
        #expect(state.settings?.discriminatorSteps == 3 && state.settings?.learningRateD == 4e-4)
        #expect(state.explorer.t == 0.5)  // the arrows went to the panel, not the explorer
        _ = press(&state, .enter)
        #expect(state.controlPanel == nil)
    }

    @Test func controlPanelLetsOtherKeysThroughAndClosesOnEscape() {
        var state = pausedState()
        _ = press(&state, .char("c"))
        #expect(press(&state, .char("n")) == [.send(.update(.iteration))])
        #expect(press(&state, .char(" ")) == [.togglePause])
        #expect(state.controlPanel != nil)
        _ = press(&state, .up)
        #expect(state.controlPanel?.selection == .beta1)  // wraps around
        _ = press(&state, .escape)
        #expect(state.controlPanel == nil)
    }

    @Test func aValueAtTheEndOfItsRangeSendsNothing() {
        var state = pausedState()
        _ = press(&state, .char("c"))
        _ = press(&state, .left)
        #expect(state.settings?.discriminatorSteps == 0)
        #expect(press(&state, .left).isEmpty)
    }

    @Test(arguments: [
        (ControlPanel.Row.learningRateG, -1, TrainingControl.learningRateG(1e-4)),
        (.generatorSteps, 1, .generatorSteps(2)),
        (.halfLife, 1, .halfLife(1_000)),
        (.loss, 1, .loss(.minimax)),
        (.beta1, 1, .beta1(0.55)),
        (.beta1, -1, .beta1(0.45)),
    ])
    func eachRowMovesOneNotch(row: ControlPanel.Row, direction: Int, expected: TrainingControl) {
        #expect(ControlPanel.change(row, by: direction, in: TrainingConfig()) == expected)
    }

    @Test func halfLifeHalvesDownToConstantRates() {
        var config = TrainingConfig()
        config.learningRateHalfLife = 3_000
        #expect(ControlPanel.change(.halfLife, by: -1, in: config) == .halfLife(1_500))
        config.learningRateHalfLife = 200
        #expect(ControlPanel.change(.halfLife, by: -1, in: config) == .halfLife(nil))
        config.learningRateHalfLife = nil
        #expect(ControlPanel.change(.halfLife, by: -1, in: config) == nil)
    }

    @Test func appliedCommandsPostANotice() {
        var state = pausedState()
        _ = update(&state, .trainer(.control(ControlRecord(command: .set(.discriminatorSteps(3)), step: 12))))
        #expect(state.currentNotice?.text == "K = 3 from step 12")
    }

    /// A D update by hand leaves the step where it was: the status line counts it, the charts
    /// (one point a step) do not.
    @Test func dUpdateByHandCountsInTheStatusLineOnly() {
        var state = pausedState()
        let before = state.history
        var metrics = Fixtures.metrics(step: 120)
        metrics.discriminatorUpdates = 121
        metrics.manual = .discriminator
        _ = update(&state, .trainer(.step(metrics)))
        #expect(state.history == before)
        let status = view(state, size: (120, 40)).lines()[0]
        #expect(status.contains("step 120/3000 │ updates D 121 G 120"))
    }

    /// `m` on a running trainer pauses it; once paused, each tick sends the stages that came due.
    @Test func slowMotionPausesThenSendsTheStagesOnSchedule() {
        var state = Fixtures.trainingState()
        _ = update(&state, .tick(now: 10))
        #expect(press(&state, .char("m")) == [.togglePause])
        #expect(update(&state, .tick(now: 10.1)).isEmpty)  // not paused yet: nothing is sent
        _ = update(&state, .trainer(.state(.paused)))
        #expect(update(&state, .tick(now: 10.2)) == [.send(.update(.discriminatorVerdicts))])
        #expect(state.slowMotion?.current == .verdicts)
        #expect(view(state, size: (120, 40)).lines()[0].contains("slow motion: D on reals and fakes"))
        // A third of a second a stage, counted from the key.
        #expect(update(&state, .tick(now: 10.3)).isEmpty)
        #expect(update(&state, .tick(now: 10.4)) == [.send(.update(.discriminator))])
        #expect(update(&state, .tick(now: 10.7)) == [.send(.update(.generator))])
        #expect(update(&state, .tick(now: 11.01)) == [.send(.update(.discriminatorVerdicts))])
        _ = press(&state, .char("m"))
        #expect(state.slowMotion == nil)
        #expect(update(&state, .tick(now: 12)).isEmpty)
    }

    @Test func resumingEndsSlowMotion() {
        var state = pausedState()
        #expect(press(&state, .char("m")).isEmpty)  // already paused
        #expect(state.slowMotion != nil)
        _ = update(&state, .trainer(.state(.running)))
        #expect(state.slowMotion == nil)
    }

    @Test func slowMotionScheduleIsOneIterationASecond() {
        var slow = SlowMotion(startingAt: 0)
        #expect(SlowMotion.stages(k: 2, generatorUpdates: 1)
                == [.verdicts, .discriminatorUpdate, .verdicts, .discriminatorUpdate, .generatorUpdate])
        #expect(slow.due(at: 0, k: 1, generatorUpdates: 1) == [.verdicts])
        #expect(slow.due(at: 0.5, k: 1, generatorUpdates: 1) == [.discriminatorUpdate])
        #expect(slow.due(at: 0.999, k: 1, generatorUpdates: 1) == [.generatorUpdate])
        #expect(slow.due(at: 1.01, k: 1, generatorUpdates: 1) == [.verdicts])
        // After a stall of several seconds it starts again rather than firing a backlog.
        #expect(slow.due(at: 9, k: 1, generatorUpdates: 1) == [.discriminatorUpdate])
        #expect(slow.due(at: 9.2, k: 1, generatorUpdates: 1).isEmpty)
        // K = 0: G alone, once a second.
        var alone = SlowMotion(startingAt: 0)
        #expect(alone.due(at: 0, k: 0, generatorUpdates: 1) == [.generatorUpdate])
        #expect(alone.due(at: 0.9, k: 0, generatorUpdates: 1).isEmpty)
        #expect(alone.due(at: 1.01, k: 0, generatorUpdates: 1) == [.generatorUpdate])
    }

    @Test func helpListsTheSteeringKeys() {
        var state = Fixtures.trainingState()
        _ = press(&state, .char("?"))
        let text = view(state, size: (100, 30)).lines().joined(separator: "\n")
        for key in ["d  g  n", "control panel", "slow motion"] { #expect(text.contains(key)) }
    }

    @Test func controlPanelShowsTheSettingsInForce() {
        var state = pausedState()
        _ = press(&state, .char("c"))
        _ = press(&state, .right)
        let text = view(state, size: (120, 40)).lines().joined(separator: "\n")
        #expect(text.contains("Controls"))
        #expect(text.contains("> K: D updates per iteration"))
        #expect(text.contains("◀ 2 ▶"))
        #expect(text.contains("non-saturating"))
    }
}
