import ArgumentParser

/// `--tensorboard DIR` and `--image-every N`: a TensorBoard event file beside the run.
struct TensorBoardOptions: ParsableArguments {
    @Option(name: .customLong("tensorboard"), help: ArgumentHelp(
        "Write a TensorBoard event file to DIR: the scalars at --log-every, the metrics, the sample grid as an image.",
        valueName: "dir"))
    var folder: String?

    @Option(parsing: .unconditional, help: "Steps between sample-grid images in the --tensorboard file (image data sets). (default: 500)",
            transform: BoundedOption.integer(in: OptionRanges.imageEvery))
    var imageEvery = 500
}
