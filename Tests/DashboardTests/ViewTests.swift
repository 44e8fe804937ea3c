import Datasets
import Foundation
import TerminalUI
import Testing
@testable import Dashboard
@testable import GAN

/// Whole screens and panels as text at fixed terminal sizes.
@Suite struct ViewTests {
    @Test(arguments: [(80, 24), (200, 60), (120, 40)])
    func trainingScreen(columns: Int, rows: Int) throws {
        let grid = view(Fixtures.trainingState(), size: (columns, rows))
        #expect(grid.width == columns && grid.height == rows)
        try Golden.check(grid, "training-\(columns)x\(rows)")
    }

    /// The footer drops the least useful keys rather than being cut at the edge: at 80 columns
    /// quit, help, pause and snapshot show whole, at 200 every key.
    @Test func theFooterKeepsTheMostUsefulKeysWhole() throws {
        let narrow = try #require(view(Fixtures.trainingState(), size: (80, 24)).lines().last)
        let shown = narrow.trimmingCharacters(in: .whitespaces).components(separatedBy: " · ")
        #expect(shown.first == "space pause" && shown.last == "q quit", "\(narrow)")
        #expect(["s snapshot", "←/→ explore", "? help"].allSatisfy(shown.contains), "\(narrow)")
        #expect(!shown.contains("t theme"))
        let wide = try #require(view(Fixtures.trainingState(), size: (200, 60)).lines().last)
        #expect(wide.trimmingCharacters(in: .whitespaces).components(separatedBy: " · ").count == 8, "\(wide)")

        var explorer = AppState(mode: .explorerOnly, shape: Fixtures.imageShape, fixedNoise: [1, 0, 0, 0])
        Fixtures.render(&explorer, update(&explorer, .savedGenerator(Fixtures.generator(), step: 900)))
        let walk = try #require(view(explorer, size: (80, 24)).lines().last).trimmingCharacters(in: .whitespaces)
        #expect(walk.hasPrefix("←/→ walk · ↑/↓ dim") && walk.hasSuffix("? help · q quit"), "\(walk)")
    }

    @Test func statusLineSaysWhatIsTrainingAndItsState() {
        let wide = view(Fixtures.trainingState(), size: (200, 60)).lines()
        #expect(wide[0].hasPrefix(" ganscope │ faces (20000) │ step 120/3000 │ epoch 1.20 │ 250 steps/s │ 0:00 │ updates D 120 G 120 │ mlp G"))
        #expect(wide[0].hasSuffix(" RUNNING "))
        // Narrow: whole fields are left out rather than cut.
        let narrow = view(Fixtures.trainingState(), size: (80, 24)).lines()
        #expect(narrow[0].hasPrefix(" ganscope │ faces (20000) │ step 120/3000 │ epoch 1.20 │ 250 steps/s   "))
        #expect(narrow[0].hasSuffix(" RUNNING "))
        #expect(narrow[23].hasPrefix(" space pause · s snapshot"))
    }

    @Test func panelsAreLaidOutFromTheSize() {
        let lines = view(Fixtures.trainingState(), size: (80, 24)).lines()
        #expect(lines[1].hasPrefix("┌ Losses "))
        #expect(lines[1].contains("┌ Samples · fixed noise · step 100 "))
        #expect(lines.contains { $0.contains("┌ Detective's verdicts ") })
        #expect(lines.contains { $0.contains("┌ Latent explorer • · G of step 120 ") })
        #expect(lines.contains { $0.contains("log 4") })
        #expect(lines.contains { $0.contains("■ D raw  ■ G raw  ■ D ema  ■ G ema") })
    }

    @Test func theFocusedPanelHasABoldAccentBorder() throws {
        let state = Fixtures.trainingState()
        let grid = view(state, size: (80, 24))
        let explorerTop = try #require(grid.lines().firstIndex { $0.contains("┌ Latent explorer") })
        #expect(grid[40, explorerTop].style.bold)
        #expect(grid[40, explorerTop].style.foreground == state.theme.accent)
        #expect(!grid[0, 1].style.bold)
        #expect(grid[0, 1].style.foreground == state.theme.border)
    }

    @Test func tooSmallTerminalAsksForMoreRoom() throws {
        let grid = view(Fixtures.trainingState(), size: (60, 10))
        let lines = grid.lines().map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines == ["", "", "", "Please enlarge the terminal", "ganscope needs 80×24; this one is 60×10",
                          "RUNNING │ step 120", "q quits", "", "", ""])
        try Golden.check(grid, "too-small-60x10")
        #expect(view(Fixtures.trainingState(), size: (79, 24)).lines()[10].contains("Please enlarge"))
        #expect(view(Fixtures.trainingState(), size: (0, 0)).width == 0)
    }

    @Test func helpOverlayListsTheKeys() {
        var state = Fixtures.trainingState()
        _ = update(&state, .key(.char("?")))
        let text = view(state, size: (80, 24)).lines().joined(separator: "\n")
        #expect(text.contains("┌ Keys "))
        for key in ["space", "←  →", "a  b", "[ ] { }", "o  v", "tab", "q"] { #expect(text.contains(key)) }
    }

    @Test func zoomGivesTheFocusedPanelTheWholeBody() {
        var state = Fixtures.trainingState()
        _ = update(&state, .key(.enter))
        let lines = view(state, size: (80, 24)).lines()
        #expect(lines[1].hasPrefix("┌ Latent explorer • "))
        #expect(lines[1].hasSuffix("┐"))
        #expect(!lines.joined().contains("Losses"))
    }

    @Test func asciiAndMonochromeFallBackToPlainCharacters() throws {
        let display = DisplayCapabilities(depth: .monochrome, glyphs: .ascii)
        let grid = view(Fixtures.trainingState(display: display), size: (80, 24))
        let text = grid.lines().joined()
        let foreign = text.unicodeScalars.filter { !$0.isASCII }
        #expect(foreign.isEmpty, "\(String(String.UnicodeScalarView(foreign)))")
        #expect(grid.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        try Golden.check(grid, "training-ascii-mono-80x24")
    }

    @Test func samplesShowAsManyImagesAsFit() {
        let state = Fixtures.trainingState()
        let area = Rect(width: 40, height: 10)
        var grid = CellGrid.filled(width: 40, height: 10, with: " ")
        SamplePanel(state: state, palette: Palette(theme: state.theme, display: .full)).render(into: &grid, area: area)
        // 8×8 images take 8×4 cells: four across and two down with one-cell gaps.
        let imageRows = grid.lines().filter { $0.contains("▀") }
        #expect(imageRows.count == 8)
        #expect(imageRows[0].filter { $0 == "▀" }.count == 32)
    }

    @Test func pointDataShowsAScatterOverTheSurface() throws {
        var state = AppState(mode: .training, shape: .points, realPoints: [SIMD2(0, 1), SIMD2(1, 0), SIMD2(-1, 0)],
                             pointBounds: PlotBounds(x: -2...2, y: -2...2))
        _ = update(&state, .trainer(.samples(SampleImages(step: 5, shape: .points, count: 3,
                                                          values: [0, 0, 0.5, 0.5, -1, -1]))))
        _ = update(&state, .trainer(.decisionSurface(Fixtures.surface())))
        let grid = view(state, size: (100, 30))
        #expect(grid.lines()[1].contains("Samples · real vs generated, D(x) behind"))
        let surfaceCells = grid.cells.filter { $0.style.background != .default }
        #expect(surfaceCells.count > 100)
        try Golden.check(grid, "points-100x30")
    }

    @Test func metricsPanelShowsFilledFiguresWithTrends() {
        var state = Fixtures.trainingState()
        for step in 1...5 {
            var report = EvaluationReport(step: step * 100)
            report.modesCaptured = step
            report.modeCount = 8
            report.discriminatorAUC = 0.9 - Double(step) / 20
            _ = update(&state, .trainer(.evaluation(report)))
        }
        let lines = view(state, size: (120, 40)).lines()
        #expect(lines.contains { $0.contains("modes captured 5/8") })
        #expect(lines.contains { $0.contains("D's ROC AUC") && $0.contains("0.65") })
        // Figures the reports leave empty get no row: no FCD here…
        #expect(!lines.joined().contains("Frechet dist."))
        // …but one as soon as a report carries it (the label really is this text).
        var withFCD = EvaluationReport(step: 600)
        withFCD.frechetDistance = 12.5
        _ = update(&state, .trainer(.evaluation(withFCD)))
        #expect(view(state, size: (120, 40)).lines().contains { $0.contains("Frechet dist.") && $0.contains("12.5") })
    }

    /// `p` turns the metrics panel into the spectrum view: the panel grows to hold both spectra as
    /// lines above the three detectors' rows; where it cannot (a third of the column at most),
    /// the detectors alone and the title says enter zooms; `p` again brings the figures back.
    @Test func spectrumViewDrawsBothSpectraAndTheDetectors() {
        var state = Fixtures.trainingState()
        for step in 1...3 {
            var report = EvaluationReport(step: step * 100)
            report.discriminatorAUC = 0.9
            report.probeAccuracy = 0.8
            report.spectralAUC = 0.7 + Double(step) / 100
            report.realSpectrum = (0..<20).map { 60 - Double($0) * 2 }
            report.fakeSpectrum = (0..<20).map { 60 - Double($0) * 1.5 }
            _ = update(&state, .trainer(.evaluation(report)))
        }
        _ = update(&state, .key(.char("p")))
        let lines = view(state, size: (120, 40)).lines()
        #expect(lines.contains { $0.contains("Metrics · spectrum · p: figures") })
        #expect(lines.contains { $0.contains("fake (step 300)") })
        #expect(lines.contains { $0.contains("spectral AUC") && $0.contains("0.73") })
        #expect(lines.contains { $0.contains("probe accuracy") && $0.contains("0.8") })
        let short = view(state, size: (120, 24)).lines()
        #expect(short.contains { $0.contains("Metrics · spectrum · enter zooms · p: figures") })
        #expect(short.contains { $0.contains("spectral AUC") } && !short.contains { $0.contains("fake (step 300)") })
        while state.focus != .metrics { _ = update(&state, .key(.tab)) }
        _ = update(&state, .key(.enter))
        let zoomed = view(state, size: (120, 24)).lines()
        #expect(zoomed.contains { $0.contains("fake (step 300)") })
        #expect(zoomed.contains { $0.contains("spectrum · p: figures") } && !zoomed.joined().contains("enter zooms"))
        _ = update(&state, .key(.char("p")))
        #expect(!view(state, size: (120, 40)).lines().contains { $0.contains("fake (step 300)") })
    }

    @Test func explorerAloneFillsTheScreen() throws {
        var state = AppState(mode: .explorerOnly, shape: Fixtures.imageShape, fixedNoise: [1, 0, 0, 0, 0, 1, 0, 0])
        Fixtures.render(&state, update(&state, .savedGenerator(Fixtures.generator(), step: 900)))
        let grid = view(state, size: (80, 24))
        #expect(grid.lines()[0].hasSuffix(" EXPLORER "))
        #expect(grid.lines()[1].hasPrefix("┌ Latent explorer · G of step 900 "))
        try Golden.check(grid, "explorer-only-80x24")
    }

    @Test func explorerOnAPyTorchFileNamesItInsteadOfAStep() {
        var state = AppState(mode: .explorerOnly, shape: Fixtures.imageShape, fixedNoise: [])
        Fixtures.render(&state, update(&state, .savedGenerator(Fixtures.generator(), step: 0,
                                                                source: "a PyTorch state dict")))
        let title = view(state, size: (80, 24)).lines()[1]
        #expect(title.hasPrefix("┌ Latent explorer · G from a PyTorch state dict "), "\(title)")
        // A snapshot of a run afterwards shows its step again.
        Fixtures.render(&state, update(&state, .savedGenerator(Fixtures.generator(), step: 40)))
        #expect(view(state, size: (80, 24)).lines()[1].hasPrefix("┌ Latent explorer · G of step 40 "))
    }
}

/// What the screen shows while the history is scrubbed, and the theory on 2-D data.
@Suite struct HistoryViewTests {
    @Test func scrubbingShowsTheOlderStepInTheStatusLineThePanelAndAChartMarker() {
        var state = Fixtures.trainingState()
        _ = update(&state, .trainer(.samples(Fixtures.samples(step: 120))))
        let live = state
        #expect(!view(live, size: (120, 40)).lines()[0].contains("history"))
        _ = update(&state, .key(.char("[")))
        let lines = view(state, size: (120, 40)).lines()
        #expect(lines[0].contains("faces (20000) │ history · step 100 │ step 120/3000"))
        #expect(lines[1].contains("Samples · fixed noise · step 100"))
        // The marker: a dotted column in the title style inside the charts, absent when live.
        let palette = Palette(theme: state.theme, display: state.display)
        let markedRows = { (grid: CellGrid) in
            (2..<39).filter { y in (1..<59).contains { x in grid[x, y].style == palette.title } }.count
        }
        #expect(markedRows(view(state, size: (120, 40))) >= markedRows(view(live, size: (120, 40))) + 8)
    }

    @Test func theLossPanelShowsTheGamesValueBesideMinusLog4() {
        let lines = view(Fixtures.trainingState(), size: (120, 40)).lines()
        #expect(lines.contains { $0.contains("V(D,G) ema") })
        #expect(lines.contains { $0.contains("-log 4") })
    }

    private func pointState() -> AppState {
        var state = AppState(mode: .training, shape: .points, realPoints: [SIMD2(0, 1), SIMD2(1, 0)],
                             pointBounds: PlotBounds(x: -2...2, y: -2...2))
        _ = update(&state, .trainer(.samples(SampleImages(step: 5, shape: .points, count: 2, values: [0, 0, 0.5, 0.5]))))
        var surface = Fixtures.surface()
        surface.theory = PlaneTheory(optimal: Array(repeating: 1, count: 64), meanAbsoluteDifference: 0.125,
                                     arrows: [GradientArrow(point: [-1, -1], gradient: [1, 0])])
        _ = update(&state, .trainer(.decisionSurface(surface)))
        return state
    }

    @Test func oShowsDStarWithItsDistanceFromD() {
        var state = pointState()
        let before = view(state, size: (160, 40))
        _ = update(&state, .key(.char("o")))
        let after = view(state, size: (160, 40))
        #expect(after.lines()[1].contains("Samples · D* behind · mean |D − D*| 0.125 · step 5"))
        // D* = 1 everywhere: the plot takes the ramp's top colour, which D's surface hardly reaches.
        let top = Palette(theme: state.theme, display: state.display).surfaceRamp.color(at: 1)
        let topCells = { (grid: CellGrid) in grid.cells.filter { $0.style.background == top }.count }
        #expect(topCells(after) > 200)
        #expect(topCells(after) > 4 * topCells(before))
    }

    @Test func vDrawsTheArrows() {
        var state = pointState()
        let before = view(state, size: (100, 30)).lines().joined()
        _ = update(&state, .key(.char("v")))
        let after = view(state, size: (100, 30)).lines().joined()
        let braille = { (text: String) in text.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.count }
        #expect(braille(after) > braille(before))
    }
}
