import ArgumentParser

/// How `ganscope train` saves snapshots and resumes from one.
struct CheckpointOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Continue a run exactly from a snapshot; its configuration is used.",
                               valueName: "file"))
    var resume: String?

    @Option(help: "Folder for snapshots (created if missing).")
    var checkpointDir = "checkpoints"

    @Option(help: ArgumentHelp("""
        Name of the run: snapshots are <checkpoint-dir>/<run-name>-<step>.safetensors \
        (default: <dataset>-<seed>, or the resumed snapshot's run).
        """, valueName: "name"))
    var runName: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Save a snapshot every N steps.", valueName: "n"),
            transform: BoundedOption.integer(in: OptionRanges.checkpointEvery))
    var checkpointEvery: Int?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Keep only this run's N newest snapshots, deleting older ones.", valueName: "n"),
            transform: BoundedOption.integer(in: OptionRanges.keepLast))
    var keepLast: Int?

    @Flag(help: "Save a snapshot when training ends or is stopped.")
    var saveOnExit = false
}
