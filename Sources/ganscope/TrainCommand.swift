import ArgumentParser
import NeuralNet

/// `ganscope train`: the dashboard, or with --headless a plain command-line run.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a GAN: live dashboard by default, --headless for a terminal or a pipe.")

    @OptionGroup var training: TrainingOptions
    @Option(help: """
        Model: mlp (the MLP-GAN), dcgan (convolutional GAN; square images of 28, 32 or 64 pixels), \
        ae (autoencoder) or vae (variational autoencoder), whose networks mirror the GAN's (see --network). \
        (default: mlp)
        """)
    var model: ModelChoice?
    @Option(help: ArgumentHelp("Continue a run exactly from a snapshot; its configuration is used.",
                               valueName: "file"))
    var resume: String?
    @OptionGroup(title: "Snapshots") var checkpoints: CheckpointOptions
    @OptionGroup var display: DisplayOptions
    @Flag(help: "Train without the dashboard: progress bar on a terminal, plain lines when piped.")
    var headless = false
    @Option(name: .customLong("log-jsonl"), help: "Write one JSON object per logged step to FILE.")
    var logFile: String?
    @Option(parsing: .unconditional, help: "Steps between JSON log lines. (default: 10)",
            transform: BoundedOption.integer(in: OptionRanges.logEvery))
    var logEvery = 10
    @OptionGroup(title: "TensorBoard") var tensorboard: TensorBoardOptions
    @Option(help: "At the end, write the fixed-noise samples as an image grid to FILE (.png or .pgm).")
    var dumpSamples: String?

    /// Hands `--model` and `--resume` to the option groups that use them.
    mutating func validate() throws {
        training.model = model
        checkpoints.resume = resume
    }

    func run() throws {
        try BLAS.load()
        // Fail fast, before loading data, when the dashboard has no terminal to draw on.
        if !headless { try DashboardLauncher.requireTerminal() }
        let session = try TrainingSession(training: training, checkpoints: checkpoints, headless: headless,
                                          samplesEvery: tensorboard.folder == nil ? nil : tensorboard.imageEvery)
        let outcome = try session.run(logFile: logFile, logEvery: logEvery, tensorboard: tensorboard,
                                      dumpSamples: dumpSamples) { trainer in
            if headless {
                try HeadlessRun(trainer: trainer, metrics: session.metrics).run()
            } else {
                try DashboardLauncher.train(trainer, metrics: session.metrics, display: display,
                                            warnings: session.loadingWarnings)
            }
        }
        if let code = outcome.exitCode { throw code }
    }
}
