import ArgumentParser
import GAN

/// `ganscope explore`: the dashboard's latent explorer on a snapshot, without training.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the latent explorer on a snapshot's generator (no training).")

    @Option(help: ArgumentHelp("The snapshot (.safetensors).", valueName: "file")) var checkpoint: String

    func run() throws {
        let loaded = try Checkpoint.load(path: checkpoint)
        // The explorer takes `loaded.generatorSnapshot`; the dashboard's explorer-only entry
        // point is not part of this build yet.
        throw CLIError("\(checkpoint): loaded step \(loaded.info.step) (\(loaded.info.architecture.summary)), "
            + "but the latent explorer is not available in this build yet; "
            + "try `ganscope sample` or `ganscope interpolate`")
    }
}
