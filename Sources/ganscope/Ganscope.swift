import ArgumentParser

/// The `ganscope` command: with no subcommand it opens the live dashboard on the default data set.
@main
struct Ganscope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ganscope",
        abstract: "Watch a generative adversarial network learn, live, on the CPU.",
        subcommands: [TrainCommand.self, SampleCommand.self, InterpolateCommand.self, CheckpointsCommand.self,
                      ExploreCommand.self, EvalCommand.self, BenchCommand.self],
        defaultSubcommand: TrainCommand.self)

    static func main() {
        AllocatorTuning.apply()
        main(nil)
    }
}
