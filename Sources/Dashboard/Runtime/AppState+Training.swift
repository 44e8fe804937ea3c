import Datasets
import GAN
import Randomness

extension AppState {
    /// Real points shown behind the fakes of a 2-D data set.
    public static let realPointCount = 1000

    /// The starting state for `trainer`'s run: its data shape, fixed noise (the explorer starts
    /// between the first two samples) and, for 2-D data, a sample of real points and the bounds.
    public static func training(_ trainer: Trainer, themes: ThemeCatalog, themeName: String?,
                                display: DisplayCapabilities) -> AppState {
        training(info: trainer.info, dataset: trainer.dataset, themes: themes, themeName: themeName, display: display)
    }

    /// The starting state for the run `info` describes, trained on `dataset` (one of the runs
    /// of a trainer of several: `Trainer.infos`).
    public static func training(info: TrainingInfo, dataset: Dataset, themes: ThemeCatalog, themeName: String?,
                                display: DisplayCapabilities) -> AppState {
        var points: [SIMD2<Float>] = []
        if case .points = dataset.shape, dataset.count > 0 {
            // Its own stream, so showing points does not change the training noise.
            var rng = SeededRNG(seed: info.config.seed, stream: RNGStream.explorer + 1)
            points = (0..<min(realPointCount, dataset.count)).map { _ in
                let sample = dataset.sample(at: rng.index(below: dataset.count))
                return SIMD2(sample[sample.startIndex], sample[sample.startIndex + 1])
            }
        }
        return AppState(mode: .training, model: info.family, shape: dataset.shape, seed: info.config.seed,
                        fixedNoise: info.fixedNoise, realPoints: points,
                        pointBounds: dataset.pointBounds.map { PlotBounds(x: $0.x, y: $0.y) }, themes: themes,
                        themeName: themeName, display: display)
    }
}
