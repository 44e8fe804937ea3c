import Datasets
import GAN
import Randomness

extension AppState {
    /// Real points shown behind the fakes of a 2-D data set.
    public static let realPointCount = 1000

    /// The starting state for training `gan`: its data shape, fixed noise (the explorer starts
    /// between the first two samples) and, for 2-D data, a sample of real points and the bounds.
    public static func training(_ gan: GANStep, themes: ThemeCatalog, themeName: String?,
                                display: DisplayCapabilities) -> AppState {
        let dataset = gan.dataset
        var points: [SIMD2<Float>] = []
        if case .points = dataset.shape, dataset.count > 0 {
            // Its own stream, so showing points does not change the training noise.
            var rng = SeededRNG(seed: gan.config.seed, stream: RNGStream.explorer + 1)
            points = (0..<min(realPointCount, dataset.count)).map { _ in
                let sample = dataset.sample(at: rng.index(below: dataset.count))
                return SIMD2(sample[sample.startIndex], sample[sample.startIndex + 1])
            }
        }
        return AppState(mode: .training, shape: dataset.shape, seed: gan.config.seed,
                        fixedNoise: gan.model.fixedNoise.array, realPoints: points,
                        pointBounds: dataset.pointBounds.map { PlotBounds(x: $0.x, y: $0.y) }, themes: themes,
                        themeName: themeName, display: display)
    }
}
