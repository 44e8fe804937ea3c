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
        try runExplorer(generator: loaded.weights, fixedNoise: loaded.origin?.fixedNoise, shape: loaded.shape,
                        step: loaded.origin?.step ?? 0, pointBounds: bounds, display: display)
    }
}
