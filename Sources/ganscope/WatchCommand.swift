import ArgumentParser
import CursesBackend
import Dashboard
import Foundation
import GAN
import NeuralNet
import ImageIO
import TensorBoard

/// `ganscope watch DIR...`: the dashboard on TensorBoard runs someone else writes (PyTorch's
/// SummaryWriter, TensorFlow), or with `--inspect` a one-shot report of what they hold.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch TensorBoard runs (files named *tfevents* under each DIR) live, or --inspect them.")

    @Argument(help: ArgumentHelp("Folders holding runs (or event files).", valueName: "dir"))
    var folders: [String]

    @Flag(help: "Print each run's tags (kind, count, first and last step, last value) and exit; no terminal needed.")
    var inspect = false

    @Flag(help: "With --inspect: JSON for scripts.")
    var json = false

    @Option(name: .customLong("d-loss"), help: ArgumentHelp("The discriminator's loss tag (default: guessed from names such as loss_D, Loss/D, d_loss, errD).", valueName: "tag"))
    var discriminatorLoss: String?

    @Option(name: .customLong("g-loss"), help: ArgumentHelp("The generator's loss tag (default: guessed from names such as loss_G, Loss/G, g_loss, errG).", valueName: "tag"))
    var generatorLoss: String?

    @OptionGroup var generatorOptions: GeneratorOptions
    @OptionGroup var display: DisplayOptions

    func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("name at least one folder of runs, e.g. ganscope watch runs/") }
        guard inspect || !json else { throw ValidationError("--json goes with --inspect") }
    }

    func run() throws {
        guard inspect else { return try watchLive() }
        let inspection = RunInspection(roots: folders)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(inspection), as: UTF8.self))
        } else {
            print(inspection.text())
        }
        guard inspection.readSomething else { throw ExitCode.failure }
    }

    /// The live screen: runs until `q`, Ctrl-C or SIGTERM.
    private func watchLive() throws {
        // Loaded now, before any other thread runs (it sets OpenBLAS's environment), but only the
        // explorer needs it: without it the losses and pictures are still watched, and a
        // snapshot says why it cannot be explored.
        let blasProblem: String?
        do {
            try BLAS.load()
            blasProblem = nil
        } catch {
            blasProblem = error.description
        }
        BLAS.threads = 1  // the explorer's few rows at a time
        let hints = generatorOptions.hints
        try DashboardLauncher.withTerminal(display: display) { terminal, themes, capabilities in
            let state = WatchState(display: capabilities, themes: themes, themeName: display.theme,
                                   discriminatorLossTag: discriminatorLoss, generatorLossTag: generatorLoss)
            WatchApp(state: state, watcher: EventFolderWatcher(roots: folders), screen: CursesScreen(terminal),
                     decode: Self.decode, terminationRequested: { TerminationSignals.pending != nil },
                     loadSnapshot: Self.snapshotLoader(hints: hints, blasProblem: blasProblem)).run()
        }
    }

    /// Reads a snapshot for the explorer, or, when BLAS could not be loaded (`blasProblem`),
    /// says why no generator can run, without reading it.
    static func snapshotLoader(hints: GeneratorHints, blasProblem: String?) -> @Sendable (String) -> SnapshotLoad {
        { path in blasProblem.map { .failed("cannot run the generator: \($0)") } ?? loadSnapshot(path, hints: hints) }
    }

    /// A generator snapshot beside a run's event files (ganscope's or a PyTorch state dict), or why not.
    static func loadSnapshot(_ path: String, hints: GeneratorHints) -> SnapshotLoad {
        do {
            let file = try GeneratorFile.load(path: path, hints: hints)
            return .generator(file.weights, shape: file.shape, summary: file.summary)
        } catch {
            return .failed(error.description)
        }
    }

    /// An image summary's pixels, decoded with libpng (or libjpeg), or why not.
    static func decode(_ image: EncodedImage) -> WatchPicture.Content {
        do {
            let decoded = try ImageDecoder.decode(image.encoded)
            return .pixels(width: decoded.width, height: decoded.height, channels: decoded.channels, bytes: decoded.pixels)
        } catch {
            return .undecodable("\(error)")
        }
    }
}
