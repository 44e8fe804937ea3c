@testable import Dashboard
import Datasets
@testable import GAN
import TerminalUI
import Testing

/// An autoencoder's panels drawn into a `CellGrid`: exact cells where the output is known.
@Suite struct AutoencoderViewTests {
    static let asciiMono = DisplayCapabilities(depth: .monochrome, glyphs: .ascii)

    static func palette(_ state: AppState) -> Palette { Palette(theme: state.theme, display: state.display) }

    @Test func theReconstructionStripPutsEachInputAboveItsReconstruction() {
        var state = AppState(mode: .training, model: .autoencoder, display: Self.asciiMono)
        // Three pairs, white over black, black over white, white over black; room for two.
        let pairs = Reconstructions(inputs: Fixtures.flatImages([1, -1, 1]), outputs: Fixtures.flatImages([-1, 1, -1]))
        _ = update(&state, .trainer(.reconstructions(pairs)))
        var grid = CellGrid.filled(width: 11, height: 4)
        ReconstructionPanel(state: state, palette: Self.palette(state)).render(into: &grid, area: grid.bounds)
        #expect(grid.textDifference(from: ["@@@@xx    x",
                                           "@@@@xx    x",
                                           "    xx@@@@x",
                                           "    xx@@@@x"]) == nil)
    }

    @Test func theReconstructionStripIsInHalfBlocksInColour() {
        var state = AppState(mode: .training, model: .autoencoder)
        let pairs = Reconstructions(inputs: Fixtures.flatImages([1]), outputs: Fixtures.flatImages([-1]))
        _ = update(&state, .trainer(.reconstructions(pairs)))
        var grid = CellGrid.filled(width: 4, height: 4)
        ReconstructionPanel(state: state, palette: Self.palette(state)).render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == ["▀▀▀▀", "▀▀▀▀", "▀▀▀▀", "▀▀▀▀"])
        let ramp = state.theme.imageRamp
        #expect(grid[0, 0].style.foreground == ramp.color(at: 1) && grid[0, 0].style.background == ramp.color(at: 1))
        #expect(grid[3, 3].style.foreground == ramp.color(at: 0) && grid[3, 3].style.background == ramp.color(at: 0))
    }

    @Test func theMosaicPicksTheLargestGridWithReadableTiles() throws {
        let grid = LatentGrid(step: 0, decoded: Fixtures.samples(count: 169))  // 13 × 13 images of 8 × 8 pixels
        let layout = { (width: Int, height: Int) in
            LatentGridView.layout(of: grid, imageWidth: 8, imageHeight: 8, in: Rect(x: 0, y: 0, width: width, height: height))
        }
        #expect(try #require(layout(12, 6)) == (2, 6, 3))
        #expect(try #require(layout(18, 9)) == (3, 6, 3))
        #expect(try #require(layout(100, 60)) == (13, 6, 3))
        #expect(try #require(layout(200, 60)) == (13, 8, 4))
        // Too small for tiles of three rows: the smallest grid, smaller tiles; none at all.
        #expect(try #require(layout(8, 4)) == (2, 4, 2))
        #expect(layout(3, 1) == nil)
    }

    @Test func theMosaicHasZ1AcrossAndZ2UpFromItsCorners() {
        // The four corners of the 13 × 13 grid, each its own level: z = (−3, 3) white, (3, 3)
        // black, (−3, −3) mid grey ("+"), (3, −3) white; a 2 × 2 mosaic shows exactly those.
        let corners: [Int: Float] = [0: 1, 12: -1, 156: 0, 168: 1]
        let decoded = Fixtures.flatImages((0..<169).map { corners[$0] ?? 0 }, width: 2, height: 2)
        let state = AppState(mode: .training, model: .variationalAutoencoder, display: Self.asciiMono)
        var grid = CellGrid.filled(width: 8, height: 4)
        LatentGridView(grid: LatentGrid(step: 1, decoded: decoded), palette: Self.palette(state))
            .render(into: &grid, area: grid.bounds)
        #expect(grid.textDifference(from: ["@@@@    ", "@@@@    ", "++++@@@@", "++++@@@@"]) == nil)
    }

    static let threeClasses = EncodedPoints(step: 1, points: [SIMD2(-3, 3), SIMD2(3, -3), SIMD2(0, 0)], labels: [0, 1, 7])

    @Test func withoutColourTheEncodedPointsAreTheirClassLabels() {
        let state = AppState(mode: .training, model: .variationalAutoencoder, display: Self.asciiMono)
        var grid = CellGrid.filled(width: 12, height: 7, with: ".")
        EncodedPointsView(encoded: Self.threeClasses, palette: Self.palette(state)).render(into: &grid, area: grid.bounds)
        let lines = grid.lines()
        #expect(lines[0] == "class 0 1 7 ")
        #expect(grid[0, 1].character == "0" && grid[11, 6].character == "1" && grid[6, 4].character == "7")
        #expect(lines[1...].joined().filter { $0 != " " && $0 != "." }.sorted() == ["0", "1", "7"])
    }

    @Test func inColourTheEncodedPointsTakeTheirClassColourAndTheLegendSaysWhich() {
        let state = AppState(mode: .training, model: .variationalAutoencoder)
        var grid = CellGrid.filled(width: 12, height: 7, with: ".")
        EncodedPointsView(encoded: Self.threeClasses, palette: Self.palette(state)).render(into: &grid, area: grid.bounds)
        let colors = EncodedPointsView.classColors
        #expect(grid.lines()[0] == "class ■0 ■1 ")  // clipped at the plot's width
        #expect(grid[6, 0].style.foreground == colors[0] && grid[9, 0].style.foreground == colors[1])
        // Half blocks: (−3, 3) is the top half of the first cell, (3, −3) the bottom half of the last.
        #expect(grid[0, 1].character == "▀" && grid[0, 1].style.foreground == colors[0])
        #expect(grid[11, 6].character == "▄" && grid[11, 6].style.foreground == colors[1])
        #expect(Set(colors).count == colors.count)
    }

    @Test func anAutoencodersMeansOutsideThePriorsRangeWidenThePlot() {
        let state = AppState(mode: .training, model: .autoencoder)
        var encoded = Self.threeClasses
        #expect(EncodedPointsView(encoded: encoded, palette: Self.palette(state)).bound == 3)
        encoded.points.append(SIMD2(0.5, -5.2))
        encoded.labels.append(2)
        #expect(EncodedPointsView(encoded: encoded, palette: Self.palette(state)).bound == 6)
    }

    @Test func aVAEsLossesShowReconstructionKLAndTheELBOWithoutTheGamesLines() {
        let lines = view(Fixtures.autoencoderState(), size: (120, 40)).lines()
        #expect(lines.contains { $0.contains("■ recon raw  ■ KL raw  ■ recon ema  ■ KL ema") })
        #expect(lines.contains { $0.contains("■ ELBO raw  ■ ELBO ema") })
        #expect(!lines.contains { $0.contains("log 4") || $0.contains("D ema") || $0.contains("verdicts") })
        // The terms' own scale: the ELBO's axis reaches below −120.
        #expect(lines.contains { $0.contains("-12") })
        #expect(!lines[0].contains("updates D"))
    }

    @Test func anAutoencoderShowsReconstructionAloneAndInASCIIOnlyTheAverage() throws {
        let grid = view(Fixtures.autoencoderState(model: .autoencoder, display: Self.asciiMono), size: (80, 24))
        let text = grid.lines().joined(separator: "\n")
        #expect(text.contains("| # recon ema "))
        #expect(!text.contains("KL") && !text.contains("ELBO") && !text.contains("raw"))
        #expect(text.contains("+ Reconstructions - input over output -+"))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        try Golden.check(grid, "autoencoder-ascii-mono-80x24")
    }

    @Test func zTurnsTheSamplesPanelIntoTheLatentMapAndSaysSo() throws {
        var state = Fixtures.autoencoderState()
        var lines = view(state, size: (120, 40)).lines()
        #expect(lines[1].contains("┌ Samples · decoded prior · step 100 · z: latent map "))
        #expect(lines[39].contains("· z map ·"))
        try Golden.check(view(state, size: (120, 40)), "vae-120x40")
        Fixtures.press(.char("z"), &state)
        let grid = view(state, size: (120, 40))
        lines = grid.lines()
        #expect(lines[1].contains("┌ Latent map · decoded z ∈ [−3, 3]² · step 120 · z: next "))
        try Golden.check(grid, "vae-latent-grid-120x40")
        Fixtures.press(.char("z"), &state)
        #expect(view(state, size: (120, 40)).lines()[1].contains("┌ Latent map · encoder means by class · step 100 "))
    }

    @Test func theHelpListsTheLatentMapKeyInsteadOfTheGANsSteering() {
        var vae = Fixtures.autoencoderState()
        _ = update(&vae, .key(.char("?")))
        let vaeHelp = view(vae, size: (80, 24)).lines().joined(separator: "\n")
        #expect(vaeHelp.contains("2-D latent: samples, the decoded grid over z"))
        #expect(!vaeHelp.contains("d  g  n") && !vaeHelp.contains("control panel") && !vaeHelp.contains("D*"))
        var gan = Fixtures.trainingState()
        _ = update(&gan, .key(.char("?")))
        let ganHelp = view(gan, size: (80, 24)).lines().joined(separator: "\n")
        #expect(ganHelp.contains("d  g  n") && !ganHelp.contains("2-D latent"))
    }
}
