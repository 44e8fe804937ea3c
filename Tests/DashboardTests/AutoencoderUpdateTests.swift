@testable import Dashboard
import Datasets
@testable import GAN
import Testing

/// An autoencoder's events and keys as pure transitions of the state.
@Suite struct AutoencoderUpdateTests {
    @Test func lossTermsGoIntoTheirSeriesOncePerStep() {
        var state = AppState(mode: .training, model: .variationalAutoencoder)
        _ = update(&state, Fixtures.autoencoderStep(1, reconstruction: 100, kl: 4))
        _ = update(&state, Fixtures.autoencoderStep(2, reconstruction: 90, kl: 6))
        // A repeated step (an update that did not advance it) adds no point.
        _ = update(&state, Fixtures.autoencoderStep(2, reconstruction: 1, kl: 1))
        #expect(state.history.reconstruction.raw.values == [100, 90])
        #expect(state.history.kl.raw.values == [4, 6])
        #expect(state.history.elbo.raw.values == [-104, -96])
        #expect(state.history.firstStep == 1 && state.history.lastStep == 2)
        // Debiased: the first average is the first value, the second lies between the two.
        #expect(state.history.reconstruction.smoothed.values[0] == 100)
        #expect((90..<100).contains(state.history.reconstruction.smoothed.values[1]))
        #expect(state.history.discriminatorLoss.values.isEmpty)
    }

    @Test func anAutoencoderHasNoKLOrELBOAndItsSeriesSetTheChartsBuckets() {
        var state = AppState(mode: .training, model: .autoencoder)
        for step in 1...6 {
            _ = update(&state, Fixtures.autoencoderStep(step, reconstruction: Float(step), kl: nil))
        }
        #expect(state.history.kl.raw.values.isEmpty && state.history.elbo.raw.values.isEmpty)
        var small = TrainingHistory(capacity: 4)
        for step in 1...4 {
            small.append(StepMetrics(step: step, epoch: 0, losses: .autoencoder(AutoencoderLosses(reconstruction: Float(step), kl: nil)),
                                     stepsPerSecond: 1, elapsed: 1))
        }
        #expect(small.reconstruction.raw.values == [1.5, 3.5])
        #expect(small.bucketSize == 2)
    }

    @Test func picturesAreKeptAndEachChangesTheRevision() {
        var state = AppState(mode: .training, model: .variationalAutoencoder)
        let before = state.revision
        let pairs = Reconstructions(inputs: Fixtures.flatImages([1, -1]), outputs: Fixtures.flatImages([0.5, -0.5]))
        #expect(update(&state, .trainer(.reconstructions(pairs))).isEmpty)
        #expect(state.reconstructions?.outputs.values.first == 0.5)
        #expect(state.reconstructions?.count == 2)
        _ = update(&state, .trainer(.encodedPoints(Fixtures.encodedPoints(step: 7))))
        #expect(state.encodedPoints?.step == 7)
        #expect(state.revision == before + 2)
    }

    @Test func zCyclesThroughSamplesGridAndPointsAndTheGridIsDecodedByTheExplorersNetwork() throws {
        var state = Fixtures.autoencoderState()
        #expect(state.shownLatentView == nil && state.latentGrid == nil)
        let effects = update(&state, .key(.char("z")))
        let request = try #require(effects.first.flatMap { effect -> ExplorerRequest? in
            if case .renderLatentGrid(let request) = effect { request } else { nil }
        })
        #expect(request.latents == LatentGrid.latents() && request.rows == 169)
        Fixtures.render(&state, effects, weights: Fixtures.decoder2D())
        #expect(state.latentView == .decodedGrid && state.shownLatentView == .decodedGrid)
        #expect(state.latentGrid?.step == 120 && state.latentGrid?.decoded.count == 169)
        #expect(state.currentNotice?.text == "latent map: the decoder's output over z in [-3, 3]^2")
        // Decoded by the same network as the explorer's: the grid's centre is the decoder at z = 0.
        let engine = ExplorerEngine()
        engine.load(Fixtures.decoder2D())
        let centre = try #require(engine.render(ExplorerRequest(id: 1, latentDimension: 2, latents: [0, 0])))
        let decoded = try #require(state.latentGrid?.decoded)
        #expect(Array(decoded.values[(84 * 64)..<(85 * 64)]) == centre.values)
        // A newer decoder redraws the grid while it is shown.
        let newer = update(&state, .trainer(.generator(GeneratorSnapshot(step: 130, weights: Fixtures.decoder2D(),
                                                                           shape: Fixtures.imageShape))))
        #expect(newer.contains { if case .renderLatentGrid = $0 { true } else { false } })
        Fixtures.press(.char("z"), &state)
        #expect(state.latentView == .encodedPoints)
        Fixtures.press(.char("z"), &state)
        #expect(state.latentView == .samples && state.shownLatentView == nil)
    }

    @Test func withoutEncodedPointsZSkipsTheirView() {
        var state = Fixtures.autoencoderState(withPoints: false)
        Fixtures.press(.char("z"), &state)
        #expect(state.latentView == .decodedGrid)
        Fixtures.press(.char("z"), &state)
        #expect(state.latentView == .samples)
    }

    @Test func zWithoutATwoDimensionalLatentSpaceOrInAGANRunOnlySaysWhy() {
        var wide = Fixtures.autoencoderState(decoder: Fixtures.generator())  // z of 4
        #expect(update(&wide, .key(.char("z"))).isEmpty)
        #expect(wide.latentView == .samples)
        #expect(wide.currentNotice?.text == "no latent map: it is drawn for a 2-D latent space (--z-dim 2)")
        var gan = Fixtures.trainingState()
        _ = update(&gan, .key(.char("z")))
        #expect(gan.latentView == .samples)
        #expect(gan.currentNotice?.text.hasPrefix("the latent map is for autoencoders and VAEs") == true)
    }

    @Test func theHistorySliderShowsTheReconstructionsOfItsStep() throws {
        var state = AppState(mode: .training, model: .variationalAutoencoder)
        for (step, level) in [(10, Float(1)), (20, -1)] {
            let pairs = Reconstructions(inputs: Fixtures.flatImages([level], step: step),
                                        outputs: Fixtures.flatImages([-level], step: step))
            _ = update(&state, .trainer(.reconstructions(pairs)))
        }
        #expect(state.shownReconstructions?.step == 20)
        _ = update(&state, .key(.char("[")))
        let shown = try #require(state.shownReconstructions)
        #expect(shown.step == 10)
        // 8-bit in the history: the extremes come back exactly.
        #expect(shown.inputs.values.allSatisfy { $0 == 1 } && shown.outputs.values.allSatisfy { $0 == -1 })
        _ = update(&state, .key(.char("f")))
        #expect(state.shownReconstructions?.step == 20)
    }

    @Test(arguments: ["d", "g", "n", "c", "m", "o", "v"] as [Character])
    func keysThatSteerAGANAreRefusedInAVAERun(key: Character) {
        var state = Fixtures.autoencoderState()
        _ = update(&state, .key(.char(" ")))  // paused, where d g n would otherwise act
        _ = update(&state, .trainer(.state(.paused)))
        #expect(update(&state, .key(.char(key))).isEmpty)
        #expect(state.controlPanel == nil && state.slowMotion == nil && !state.showsOptimalDiscriminator)
        #expect(state.currentNotice?.text == "that key steers a GAN's D and G; this run trains a VAE")
    }

    @Test func anAutoencoderRunShowsReconstructionsWhereAGANShowsVerdicts() {
        var state = Fixtures.autoencoderState(model: .autoencoder)
        #expect(state.visiblePanels == [.losses, .reconstructions, .samples, .explorer])
        #expect(Fixtures.trainingState().visiblePanels == [.losses, .verdicts, .samples, .explorer])
        state.focus = .losses
        _ = update(&state, .key(.tab))
        #expect(state.focus == .reconstructions)
    }

    @Test func theGridsLatentsRunAcrossThenDownAndSubgridsPickEvenlySpacedOnes() {
        let latents = LatentGrid.latents(side: 3, range: 3)
        // Row by row from z₂ = 3 down, z₁ rising across.
        #expect(latents == [-3, 3, 0, 3, 3, 3, -3, 0, 0, 0, 3, 0, -3, -3, 0, -3, 3, -3])
        let grid = LatentGrid(step: 0, decoded: Fixtures.samples(count: 169))
        #expect(grid.subgridSizes == [13, 7, 5, 4, 3, 2])
        // k = 3 takes rows and columns 0, 6 and 12 of the 13: the corners and the centre z = 0.
        #expect(grid.decodedIndex(row: 0, column: 0, subgrid: 3) == 0)
        #expect(grid.decodedIndex(row: 0, column: 2, subgrid: 3) == 12)
        #expect(grid.decodedIndex(row: 1, column: 1, subgrid: 3) == 84)
        #expect(grid.decodedIndex(row: 2, column: 2, subgrid: 3) == 168)
        #expect(grid.decodedIndex(row: 0, column: 0, subgrid: 1) == 84)
        #expect(LatentGrid.latents().count == 2 * 169)
        #expect(LatentGrid(step: 0, decoded: Fixtures.samples(count: 0), side: 0).subgridSizes.isEmpty)
    }
}
