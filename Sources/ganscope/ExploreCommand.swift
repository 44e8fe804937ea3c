import ArgumentParser
import Dashboard
import Datasets
import GAN
import NeuralNet

/// `ganscope explore`: the dashboard's latent explorer on a snapshot, without training.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the latent explorer on a snapshot's generator (no training).")

    @Option(help: ArgumentHelp("The snapshot (.safetensors): ganscope's, or a PyTorch generator's state dict.",
                               valueName: "file"))
    var checkpoint: String
    @OptionGroup var generatorOptions: GeneratorOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        try DashboardLauncher.requireTerminal()
        try BLAS.load()
        BLAS.threads = 1  // one small forward pass at a time
        let loaded = try GeneratorFile.load(path: checkpoint, hints: generatorOptions.hints)
        var bounds: PlotBounds?
        if case .points = loaded.shape, let origin = loaded.origin {
            // 2-D sets are cheap to rebuild; the plot frame comes from the data.
            let data = try DatasetCatalog.load(origin.config.dataset, seed: origin.config.seed)
            bounds = data.pointBounds.map { PlotBounds(x: $0.x, y: $0.y) }
        }
        _ = try DashboardLauncher.run(display: display, Self.setup(for: loaded, pointBounds: bounds, display: display))
    }

    /// The dashboard with only the latent explorer, on the weights of `file` (no training): its
    /// fixed noise's first two rows as the first endpoints (random ones without), its step and
    /// model (G or decoder) in the panel title; for points, `pointBounds` is the data rectangle.
    static func setup(for file: GeneratorFile, pointBounds: PlotBounds?,
                      display: DisplayOptions) -> DashboardLauncher.Setup {
        { themes, capabilities in
            let state = AppState(mode: .explorerOnly, model: file.origin?.family ?? .gan, shape: file.shape,
                                 fixedNoise: file.origin?.fixedNoise ?? [], pointBounds: pointBounds, themes: themes,
                                 themeName: display.theme, display: capabilities)
            // A PyTorch state dict has no step to show: the panel names the file's kind instead.
            return (state, nil, [.savedGenerator(file.weights, step: file.origin?.step ?? 0,
                                                 source: file.origin == nil ? "a PyTorch state dict" : nil)])
        }
    }
}
