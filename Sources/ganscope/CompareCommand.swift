import ArgumentParser
import NeuralNet

/// `ganscope compare`: several models trained side by side on the same data and seed, one step
/// of each in turn on one training queue; the dashboard's columns, or with --headless progress
/// lines per model and a table of the metrics.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Train models side by side (e.g. --models gan,vae) on the same data and seed, one step of each in turn.")

    @Option(help: ArgumentHelp("The models, separated by commas: gan, dcgan, ae, vae (e.g. gan,vae,ae).",
                               valueName: "list"),
            transform: ComparedModels.parse)
    var models: ComparedModels
    @OptionGroup var training: TrainingOptions
    @OptionGroup(title: "Snapshots") var checkpoints: CheckpointOptions
    @OptionGroup var display: DisplayOptions
    @Flag(help: "Train without the dashboard: progress lines per model and, with metrics, a table at the end.")
    var headless = false
    @Option(name: .customLong("log-jsonl"),
            help: "Write one JSON object per logged step to FILE, each with a \"model\" key.")
    var logFile: String?
    @Option(parsing: .unconditional, help: "Steps between JSON log lines. (default: 10)",
            transform: BoundedOption.integer(in: OptionRanges.logEvery))
    var logEvery = 10

    // train's --model and --resume, hidden here: given to compare, they are refused with a
    // pointer to what to use instead, where an unknown option would only be named.
    @Option(help: .hidden) var model: String?
    @Option(help: .hidden) var resume: String?

    /// Refuses what compare cannot do, and options one of the models has no use for (each
    /// model is trained with every option given), before anything is loaded.
    func validate() throws {
        if model != nil { throw ValidationError("--model: compare takes its models from --models") }
        if resume != nil {
            throw ValidationError("--resume: compare starts new runs; resume one model with ganscope train --resume")
        }
        for choice in models.choices {
            if let problem = training.choosing(choice).modelOptionProblem {
                throw ValidationError("\(problem) (compare gives every option to every model)")
            }
        }
    }

    func run() throws {
        try BLAS.load()
        if !headless { try DashboardLauncher.requireTerminal() }
        let session = try CompareSession(models: models, training: training, checkpoints: checkpoints, headless: headless)
        let outcome = try session.run(logFile: logFile, logEvery: logEvery) { trainer in
            if headless {
                let table = CompareTable(models: session.names)
                let outcome = try HeadlessRun(trainer: trainer, metrics: session.metrics, labels: session.names,
                                              evaluations: table.record).run()
                if session.metrics != nil { print(table.text) }
                return outcome
            }
            return try DashboardLauncher.compare(trainer, metrics: session.metrics, display: display)
        }
        if let code = outcome.exitCode { throw code }
    }
}

extension TrainingOptions {
    /// These options with `--model` set to `choice`: one model's run of a compare.
    func choosing(_ choice: ModelChoice) -> TrainingOptions {
        var options = self
        options.model = choice
        return options
    }
}
