import ArgumentParser
import Foundation
import GAN

/// `ganscope train`: the dashboard, or with --headless a plain command-line run.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a GAN: live dashboard by default, --headless for a terminal or a pipe.")

    @OptionGroup var training: TrainingOptions
    @Flag(help: "Train without the dashboard: progress bar on a terminal, plain lines when piped.")
    var headless = false
    @Option(name: .customLong("log-jsonl"), help: "Write one JSON object per logged step to FILE.")
    var logFile: String?
    @Option(help: "Steps between JSON log lines.")
    var logEvery = 10

    func run() throws {
        throw ValidationError("not wired yet")
    }
}
