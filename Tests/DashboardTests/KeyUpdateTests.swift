import Testing
@testable import Dashboard
@testable import GAN

/// `update` as pure state transitions, one test per key.
@Suite struct KeyUpdateTests {
    private func press(_ state: inout AppState, _ key: KeyPress) -> [Effect] { update(&state, .key(key)) }

    private func requests(_ effects: [Effect]) -> [ExplorerRequest] {
        effects.compactMap { if case .renderExplorer(let request) = $0 { request } else { nil } }
    }

    @Test func spaceTogglesPauseWhileTraining() {
        var state = Fixtures.trainingState()
        #expect(press(&state, .char(" ")) == [.togglePause])
    }

    @Test func spaceAfterTheEndOnlyExplains() {
        var state = Fixtures.trainingState()
        _ = update(&state, .trainer(.state(.finished)))
        #expect(press(&state, .char(" ")).isEmpty)
        #expect(state.currentNotice?.text.contains("ended") == true)
    }

    @Test func spaceInExplorerModeOnlyExplains() {
        var state = AppState(mode: .explorerOnly, shape: Fixtures.imageShape)
        #expect(press(&state, .char(" ")).isEmpty)
        #expect(state.currentNotice != nil)
    }

    @Test func sRequestsASnapshot() {
        var state = Fixtures.trainingState()
        #expect(press(&state, .char("s")) == [.requestSnapshot])
        #expect(state.currentNotice?.text == "snapshot requested")
    }

    @Test func tCyclesThemes() {
        let themes = ThemeCatalog(themes: [.builtInDefault, Theme.builtInDefault.renamed("zebra")], problems: [], folder: nil)
        var state = AppState(mode: .training, themes: themes)
        #expect(press(&state, .char("t")) == [.themeChanged])
        #expect(state.theme.name == "zebra")
        _ = press(&state, .char("t"))
        #expect(state.theme.name == "default")
    }

    @Test func tabMovesFocusThroughVisiblePanels() {
        var state = Fixtures.trainingState()
        #expect(state.focus == .explorer)
        _ = press(&state, .tab)
        #expect(state.focus == .losses)  // metrics is hidden until an evaluation arrives
        _ = press(&state, .backTab)
        _ = press(&state, .backTab)
        #expect(state.focus == .samples)
        _ = update(&state, .trainer(.evaluation(EvaluationReport(step: 1))))
        _ = press(&state, .tab)
        _ = press(&state, .tab)
        #expect(state.focus == .metrics)
    }

    @Test func enterZoomsAndEscapeReturns() {
        var state = Fixtures.trainingState()
        _ = press(&state, .enter)
        #expect(state.isZoomed)
        _ = press(&state, .escape)
        #expect(!state.isZoomed)
    }

    @Test func qQuits() {
        var state = Fixtures.trainingState()
        #expect(press(&state, .char("q")) == [.quit])
        #expect(state.isQuitting)
    }

    @Test func ctrlCQuitsEvenOverHelp() {
        var state = Fixtures.trainingState()
        _ = press(&state, .char("?"))
        #expect(press(&state, .interrupt) == [.quit])
    }

    @Test func questionMarkOpensHelpAndAnyKeyClosesIt() {
        var state = Fixtures.trainingState()
        _ = press(&state, .char("?"))
        #expect(state.showsHelp)
        #expect(press(&state, .right).isEmpty)  // swallowed: it only closes the help
        #expect(!state.showsHelp)
        #expect(state.explorer.t == 0.5)
    }

    @Test func arrowsWalkThePathAndAskForAnImage() throws {
        var state = Fixtures.trainingState()
        let before = state.explorer.currentPoint
        let right = try #require(requests(press(&state, .right)).first)
        #expect(state.explorer.t == 0.55)
        #expect(Array(right.latents.prefix(4)) == state.explorer.currentPoint)
        #expect(right.rows == 1 + ExplorerState.imageFrames)
        #expect(state.explorer.currentPoint != before)
        _ = press(&state, .left)
        _ = press(&state, .left)
        #expect(abs(state.explorer.t - 0.45) < 1e-6)
        for _ in 0..<30 { _ = press(&state, .left) }
        #expect(state.explorer.t == 0)
    }

    @Test func renderedImagesReplaceTheOldOnes() {
        var state = Fixtures.trainingState()
        let old = state.explorer.images
        Fixtures.render(&state, press(&state, .right))
        #expect(state.explorer.images != old)
        #expect(state.explorer.images?.requestID == state.explorer.requestID)
    }

    @Test func staleImagesAreIgnored() {
        var state = Fixtures.trainingState()
        let current = state.explorer.images
        _ = update(&state, .explorerRendered(ExplorerImages(requestID: -1, features: 64, values: [])))
        #expect(state.explorer.images == current)
    }

    @Test func upAndDownChooseADimensionWithoutRendering() {
        var state = Fixtures.trainingState()
        #expect(press(&state, .down).isEmpty)
        #expect(state.explorer.dimension == 1)
        _ = press(&state, .up)
        _ = press(&state, .up)
        #expect(state.explorer.dimension == 3)  // wraps around z(4)
    }

    @Test func plusAndMinusNudgeTheChosenDimension() {
        var state = Fixtures.trainingState()
        let before = state.explorer.currentPoint
        #expect(requests(press(&state, .char("+"))).count == 1)
        #expect(state.explorer.currentPoint[0] == before[0] + ExplorerState.nudgeStep)
        #expect(Array(state.explorer.currentPoint[1...]) == Array(before[1...]))
        _ = press(&state, .char("-"))
        _ = press(&state, .char("-"))
        #expect(abs(state.explorer.currentPoint[0] - (before[0] - ExplorerState.nudgeStep)) < 1e-6)
    }

    @Test func aAndBMakeTheCurrentPointAnEndpointWithoutMovingIt() {
        var state = Fixtures.trainingState()
        _ = press(&state, .right)
        _ = press(&state, .char("+"))
        let current = state.explorer.currentPoint
        #expect(requests(press(&state, .char("a"))).count == 1)
        #expect(state.explorer.endpointA == current)
        #expect(state.explorer.t == 0)
        #expect(state.explorer.currentPoint == current)
        _ = press(&state, .right)
        let next = state.explorer.currentPoint
        _ = press(&state, .char("b"))
        #expect(state.explorer.endpointB == next)
        #expect(state.explorer.t == 1)
    }

    @Test func rDrawsNewEndpointsReproducibly() {
        var first = Fixtures.trainingState(), second = Fixtures.trainingState()
        let old = first.explorer.endpointA
        _ = press(&first, .char("r"))
        _ = press(&second, .char("r"))
        #expect(first.explorer.endpointA != old)
        #expect(first.explorer.endpointA == second.explorer.endpointA)
    }

    @Test func lTogglesLerpAndSlerp() {
        var state = Fixtures.trainingState()
        #expect(state.explorer.interpolation == .slerp)
        #expect(requests(press(&state, .char("l"))).count == 1)
        #expect(state.explorer.interpolation == .lerp)
        _ = press(&state, .char("l"))
        #expect(state.explorer.interpolation == .slerp)
    }

    @Test func explorerKeysWaitForAGenerator() {
        var state = AppState(mode: .training, shape: Fixtures.imageShape)
        for key: KeyPress in [.left, .right, .up, .down, .char("+"), .char("-"), .char("a"), .char("b"),
                              .char("r"), .char("l")] {
            #expect(press(&state, key).isEmpty)
        }
        #expect(state.explorer.latentDimension == 0)
    }

    @Test func startsBetweenTheFirstTwoFixedNoiseVectors() {
        var state = AppState(mode: .training, shape: Fixtures.imageShape, fixedNoise: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        _ = update(&state, .savedGenerator(Fixtures.generator(), step: 7))
        #expect(state.explorer.endpointA == [1, 2, 3, 4])
        #expect(state.explorer.endpointB == [5, 6, 7, 8])
        #expect(state.explorer.generatorStep == 7)
    }
}

extension Theme {
    /// A copy under another name.
    func renamed(_ name: String) -> Theme {
        var copy = self
        copy.name = name
        return copy
    }
}

/// The history slider and the theory toggles.
@Suite struct HistoryKeyTests {
    private func press(_ state: inout AppState, _ key: KeyPress) -> [Effect] { update(&state, .key(key)) }

    /// A training state with pictures at steps 100, 110, …, 300 (the fixture's first pictures are
    /// at step 100, so the earlier grids sent here are older than the newest and not kept).
    private func scrubbable() -> AppState {
        var state = Fixtures.trainingState()
        for step in stride(from: 10, through: 300, by: 10) { _ = update(&state, .trainer(.samples(Fixtures.samples(step: step)))) }
        return state
    }

    @Test func bracketsMoveOneAndBracesTenPictures() {
        var state = scrubbable()
        #expect(state.historyStep == nil && state.shownSamples?.step == 300)
        #expect(press(&state, .char("[")).isEmpty)
        #expect(state.historyStep == 290 && state.shownSamples?.step == 290)
        _ = press(&state, .char("{"))
        #expect(state.historyStep == 190)
        _ = press(&state, .char("]"))
        _ = press(&state, .char("}"))
        #expect(state.historyStep == 300)
        for _ in 0..<5 { _ = press(&state, .char("{")) }
        #expect(state.historyStep == 100)  // the oldest picture kept
    }

    @Test func trainingGoesOnWhileScrubbingAndFFollowsAgain() {
        var state = scrubbable()
        for _ in 0..<20 { _ = press(&state, .char("[")) }
        #expect(state.shownSamples?.step == 100)
        _ = update(&state, .trainer(.step(Fixtures.metrics(step: 500))))
        _ = update(&state, .trainer(.samples(Fixtures.samples(step: 500))))
        #expect(state.latest?.step == 500)
        #expect(state.shownSamples?.step == 100 && state.shownHistoryStep == 100)
        _ = press(&state, .char("f"))
        #expect(state.historyStep == nil && state.shownSamples?.step == 500)
    }

    @Test func scrubbingWithoutPicturesOnlyExplains() {
        var state = AppState(mode: .training, shape: Fixtures.imageShape)
        _ = press(&state, .char("["))
        #expect(state.historyStep == nil)
        #expect(state.currentNotice?.text.contains("no pictures") == true)
    }

    @Test func oAndVToggleTheTheoryOnPointData() {
        var state = AppState(mode: .training, shape: .points)
        _ = press(&state, .char("o"))
        _ = press(&state, .char("v"))
        #expect(state.showsOptimalDiscriminator && state.showsGradientArrows)
        _ = press(&state, .char("o"))
        #expect(!state.showsOptimalDiscriminator)
        var images = Fixtures.trainingState()
        _ = press(&images, .char("o"))
        #expect(!images.showsOptimalDiscriminator)
        #expect(images.currentNotice?.text.contains("2-D") == true)
    }
}
