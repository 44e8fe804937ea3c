@testable import Dashboard
import Datasets
@testable import GAN
import Testing

/// An autoencoder's events and keys as pure transitions of the state.
@Suite struct AutoencoderUpdateTests {
    @Test func lossTermsGoIntoTheirSeriesOncePerStep() {
        var state = AppState(mode: .training, model: .vae)
        _ = update(&state, .autoencoder(.losses(AutoencoderLosses(step: 1, reconstruction: 100, kl: 4, elbo: -104))))
        _ = update(&state, .autoencoder(.losses(AutoencoderLosses(step: 2, reconstruction: 90, kl: 6, elbo: -96))))
        // A repeated step (an update that did not advance it) adds no point.
        _ = update(&state, .autoencoder(.losses(AutoencoderLosses(step: 2, reconstruction: 1, kl: 1, elbo: -2))))
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
        var state = AppState(mode: .training, model: .ae)
        for step in 1...6 {
            _ = update(&state, .autoencoder(.losses(AutoencoderLosses(step: step, reconstruction: Float(step)))))
        }
        #expect(state.history.kl.raw.values.isEmpty && state.history.elbo.raw.values.isEmpty)
        var small = TrainingHistory(capacity: 4)
        for step in 1...4 { small.append(AutoencoderLosses(step: step, reconstruction: Float(step))) }
        #expect(small.reconstruction.raw.values == [1.5, 3.5])
        #expect(small.bucketSize == 2)
    }

    @Test func picturesAreKeptAndEachChangesTheRevision() {
        var state = AppState(mode: .training, model: .vae)
        let before = state.revision
        let pairs = Reconstructions(inputs: Fixtures.flatImages([1, -1]), outputs: Fixtures.flatImages([0.5, -0.5]))
        #expect(update(&state, .autoencoder(.reconstructions(pairs))).isEmpty)
        #expect(state.reconstructions?.outputs.values.first == 0.5)
        #expect(state.reconstructions?.count == 2)
        _ = update(&state, .autoencoder(.latentMap(Fixtures.latentMap(step: 7))))
        #expect(state.latentMap?.step == 7)
        #expect(state.revision == before + 2)
    }

    @Test func zCyclesThroughSamplesGridAndPointsWhenThereIsAMap() {
        var state = Fixtures.autoencoderState()
        #expect(state.shownLatentMap == nil)
        _ = update(&state, .key(.char("z")))
        #expect(state.latentView == .decodedGrid && state.shownLatentMap?.step == 100)
        #expect(state.currentNotice?.text == "latent map: the decoder's output over z in [-3, 3]^2")
        _ = update(&state, .key(.char("z")))
        #expect(state.latentView == .encodedPoints)
        _ = update(&state, .key(.char("z")))
        #expect(state.latentView == .samples && state.shownLatentMap == nil)
    }

    @Test func zWithoutAMapOrInAGANRunOnlySaysWhy() {
        var vae = AppState(mode: .training, model: .vae)
        _ = update(&vae, .key(.char("z")))
        #expect(vae.latentView == .samples)
        #expect(vae.currentNotice?.text == "no latent map: it is drawn for a 2-D latent space (--z-dim 2)")
        var gan = Fixtures.trainingState()
        _ = update(&gan, .autoencoder(.latentMap(Fixtures.latentMap())))
        _ = update(&gan, .key(.char("z")))
        #expect(gan.latentView == .samples)
        #expect(gan.currentNotice?.text.hasPrefix("the latent map is for autoencoders and VAEs") == true)
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
        var state = Fixtures.autoencoderState(model: .ae)
        #expect(state.visiblePanels == [.losses, .reconstructions, .samples, .explorer])
        #expect(Fixtures.trainingState().visiblePanels == [.losses, .verdicts, .samples, .explorer])
        state.focus = .losses
        _ = update(&state, .key(.tab))
        #expect(state.focus == .reconstructions)
    }

    @Test func subgridsPickEvenlySpacedRowsAndColumns() {
        let map = Fixtures.latentMap()
        #expect(map.subgridSizes == [13, 7, 5, 4, 3, 2])
        // k = 3 takes rows and columns 0, 6 and 12 of the 13: the corners and the centre z = 0.
        #expect(map.decodedIndex(row: 0, column: 0, subgrid: 3) == 0)
        #expect(map.decodedIndex(row: 0, column: 2, subgrid: 3) == 12)
        #expect(map.decodedIndex(row: 1, column: 1, subgrid: 3) == 84)
        #expect(map.decodedIndex(row: 2, column: 2, subgrid: 3) == 168)
        #expect(map.decodedIndex(row: 0, column: 0, subgrid: 1) == 84)
        #expect(LatentMap(step: 0, decoded: Fixtures.samples(count: 0), side: 0, points: [], labels: []).subgridSizes.isEmpty)
    }
}
