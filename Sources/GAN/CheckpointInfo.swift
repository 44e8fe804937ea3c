import Datasets
import Foundation
import Randomness

/// What a checkpoint says about itself, from its metadata alone: enough to list snapshots, pick
/// the networks' shapes and check a file before its tensors are read.
public struct CheckpointInfo: Sendable, Equatable {
    /// The `format` metadata value of every ganscope checkpoint.
    public static let formatName = "ganscope-checkpoint"
    /// The `format_version` this build writes and reads.
    public static let formatVersion = "1"

    /// The run the snapshot belongs to (its file name starts with it; `--keep-last` prunes by it).
    public var run: String
    /// Generator updates taken.
    public var step: Int
    /// Real samples drawn so far (the epoch count).
    public var realSamplesSeen: Int
    /// The training random stream, positioned after `step`.
    public var rng: SeededRNG
    /// The whole training configuration (`dataset`, `seed`, `batchSize`, …).
    public var config: TrainingConfig
    public var architecture: ModelArchitecture
    public var dataShape: DataShape
    /// When the snapshot was taken, to the millisecond.
    public var created: Date
    /// The last step's losses and scores; nil at step 0.
    public var lastResult: StepResult?
    /// Discriminator updates taken (`step` × K unless K changed or D was updated by hand).
    public var discriminatorUpdates = 0
    /// The updates by hand and changes of settings so far, oldest first; `config` is the
    /// configuration they left in force.
    public var controlHistory: [ControlRecord] = []

    public init(run: String, step: Int, realSamplesSeen: Int, rng: SeededRNG, config: TrainingConfig,
                architecture: ModelArchitecture, dataShape: DataShape, created: Date, lastResult: StepResult?) {
        self.run = run
        self.step = step
        self.realSamplesSeen = realSamplesSeen
        self.rng = rng
        self.config = config
        self.architecture = architecture
        self.dataShape = dataShape
        self.created = Date(timeIntervalSince1970: (created.timeIntervalSince1970 * 1000).rounded() / 1000)
        self.lastResult = lastResult
    }

    /// The state of `gan` now, with the current time.
    public init(of gan: GANStep, run: String, created: Date = Date()) {
        self.init(run: run, step: gan.stepCount, realSamplesSeen: gan.realSamplesSeen, rng: gan.rng,
                  config: gan.config, architecture: gan.model.architecture, dataShape: gan.dataset.shape,
                  created: created, lastResult: gan.lastResult)
        discriminatorUpdates = gan.discriminatorUpdates
        controlHistory = gan.controlHistory
    }

    /// `created` as ISO 8601 with milliseconds, e.g. "2025-11-27T02:05:00.123Z".
    public var createdText: String { Self.text(of: created) }

    /// A time as ISO 8601 with milliseconds.
    static func text(of created: Date) -> String {
        // Built from whole milliseconds: formatting the Date directly truncates, so a time
        // read back as …325.99999 would print as .325 after being written as .326.
        let milliseconds = (created.timeIntervalSince1970 * 1000).rounded()
        let seconds = (milliseconds / 1000).rounded(.down)
        let whole = Date(timeIntervalSince1970: seconds).formatted(.iso8601)  // "…T02:26:36Z"
        return whole.dropLast() + String(format: ".%03d", Int(milliseconds - seconds * 1000)) + "Z"
    }

    /// ISO 8601 in UTC with milliseconds.
    static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
