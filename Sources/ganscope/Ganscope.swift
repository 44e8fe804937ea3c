import ArgumentParser
import Foundation

/// The `ganscope` command: with no subcommand it opens the live dashboard on the default data set.
@main
struct Ganscope: ParsableCommand {
    /// The program's version (`ganscope --version`), also written into every image's marking.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ganscope",
        abstract: "Watch a generative adversarial network learn, live, on the CPU.",
        version: version,
        subcommands: [TrainCommand.self, CompareCommand.self, SampleCommand.self, InterpolateCommand.self, CheckpointsCommand.self,
                      ExploreCommand.self, EvalCommand.self, DetectCommand.self, BenchCommand.self,
                      WatchCommand.self],
        defaultSubcommand: TrainCommand.self)

    /// Parses and runs the command. A usage error (a bad option or value) is one line on
    /// standard error and exit status 64 (EX_USAGE), not the whole usage text; help and other
    /// errors are reported as ArgumentParser does.
    static func main() {
        AllocatorTuning.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard let line = usageErrorLine(for: error) else { exit(withError: error) }
            FileHandle.standardError.write(Data((line + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
    }

    /// The one-line message for a usage error, nil for anything else (help, runtime errors).
    static func usageErrorLine(for error: any Error) -> String? {
        guard exitCode(for: error) == .validationFailure else { return nil }
        let message = message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
        return "ganscope: \(message)"
    }
}
