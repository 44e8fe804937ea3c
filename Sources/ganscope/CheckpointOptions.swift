import ArgumentParser

/// How `ganscope train` and `compare` save snapshots, and how `train` resumes from one.
struct CheckpointOptions: ParsableArguments {
    /// The snapshot `train --resume` continues (``TrainCommand``). Not an option of this group,
    /// so that `compare --help`, which starts new runs only, does not offer it.
    var resume: String? = nil

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
