import ArgumentParser
import Foundation

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

    func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("name at least one folder of runs, e.g. ganscope watch runs/") }
        guard inspect || !json else { throw ValidationError("--json goes with --inspect") }
    }

    func run() throws {
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
}
