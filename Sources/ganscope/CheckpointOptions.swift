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

    @Option(help: ArgumentHelp("Save a snapshot every N steps.", valueName: "n"))
    var checkpointEvery: Int?

    @Option(help: ArgumentHelp("Keep only this run's N newest snapshots, deleting older ones.", valueName: "n"))
    var keepLast: Int?

    @Flag(help: "Save a snapshot when training ends or is stopped.")
    var saveOnExit = false

    func validate() throws {
        if let checkpointEvery, checkpointEvery <= 0 { throw ValidationError("--checkpoint-every must be positive") }
        if let keepLast, keepLast <= 0 { throw ValidationError("--keep-last must be positive") }
    }
}
