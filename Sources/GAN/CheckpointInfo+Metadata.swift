import Datasets
import Foundation
import Randomness
import SafeTensors

/// The metadata keys, e.g. `"step": "400"`; all values are strings, as safetensors requires.
enum MetadataKey {
    static let format = "format"
    static let formatVersion = "format_version"
    static let run = "run"
    static let step = "step"
    static let realSamplesSeen = "real_samples_seen"
    /// The training SeededRNG's four words as a JSON array of integers.
    static let rng = "rng_state"
    /// `TrainingConfig` as JSON.
    static let config = "config"
    static let dataset = "dataset"
    /// `ArchitectureRecord` as JSON.
    static let architecture = "architecture"
    static let created = "created"
    static let lossD = "last_loss_d"
    static let lossG = "last_loss_g"
    static let meanRealScore = "last_mean_d_real"
    static let meanFakeScore = "last_mean_d_fake"
    /// Discriminator updates so far; absent in checkpoints from before K could change (then step × K).
    static let discriminatorUpdates = "discriminator_updates"
    /// The history of changes as a JSON array of `ControlRecord`s; absent when there were none.
    static let controls = "controls"
}

extension CheckpointInfo {
    /// The metadata entries of a checkpoint file. Throws for a configuration that a checkpoint
    /// could not be read back with (e.g. a non-finite learning rate, which JSON cannot hold).
    public var metadata: [String: String] {
        get throws(CheckpointError) {
            if let problem = ConfigLimits.problem(config, architecture: architecture) {
                throw .unsavable(detail: problem)
            }
            var entries = try Self.runEntries(run: run, step: step, realSamplesSeen: realSamplesSeen, rng: rng,
                                              config: config, created: created)
            entries[MetadataKey.architecture] = try Self.json(ArchitectureRecord(architecture: architecture,
                                                                                 shape: dataShape),
                                                              key: MetadataKey.architecture)
            entries[MetadataKey.discriminatorUpdates] = String(discriminatorUpdates)
            if !controlHistory.isEmpty {
                entries[MetadataKey.controls] = try Self.json(controlHistory, key: MetadataKey.controls)
            }
            if let result = lastResult {
                // Plain decimal text: JSON has no NaN, and a diverged run's losses may be NaN.
                entries[MetadataKey.lossD] = "\(result.discriminatorLoss)"
                entries[MetadataKey.lossG] = "\(result.generatorLoss)"
                entries[MetadataKey.meanRealScore] = "\(result.meanRealScore)"
                entries[MetadataKey.meanFakeScore] = "\(result.meanFakeScore)"
            }
            return entries
        }
    }

    /// Parses and checks untrusted metadata; `source` names the file in errors.
    public init(metadata: [String: String], source: String) throws(CheckpointError) {
        let reader = MetadataReader(metadata: metadata, source: source)
        try reader.checkFormat()
        if let kind = metadata[MetadataKey.modelKind] {
            throw .incompatible(source: source, detail: "a checkpoint of an autoencoder (model_kind "
                + "\(kind.quotedForMessage)), not of a GAN")
        }

        let rng = try reader.rng()
        var config: TrainingConfig = try reader.json(MetadataKey.config)
        guard try reader.string(MetadataKey.dataset) == config.dataset else {
            throw .inconsistent(source: source, detail: "dataset differs from the configuration's")
        }
        let record: ArchitectureRecord = try reader.json(MetadataKey.architecture)
        let shape: DataShape
        let architecture: ModelArchitecture
        do throws(RecordProblem) {
            shape = try record.dataShape()
            architecture = try record.modelArchitecture(for: shape)
        } catch {
            throw .invalidMetadata(source: source, key: MetadataKey.architecture, detail: error.detail)
        }
        // A checkpoint from before colour names its gray faces "faces"; they are "faces-gray" now.
        config.dataset = DatasetCatalog.currentName(of: config.dataset, recordedChannels: shape.channels)
        let created = try reader.created()
        self.init(run: try reader.string(MetadataKey.run), step: try reader.count(MetadataKey.step),
                  realSamplesSeen: try reader.count(MetadataKey.realSamplesSeen), rng: rng, config: config,
                  architecture: architecture, dataShape: shape, created: created,
                  lastResult: try reader.stepResult())
        discriminatorUpdates = try reader.discriminatorUpdates(step: step, k: config.discriminatorSteps)
        controlHistory = metadata[MetadataKey.controls] == nil ? [] : try reader.json(MetadataKey.controls)
        if let late = controlHistory.first(where: { $0.step > step }) {
            throw .inconsistent(source: source, detail: "a control change at step \(late.step) is after the checkpoint's step \(step)")
        }
        if let problem = ConfigLimits.problem(config, architecture: architecture) {
            throw .inconsistent(source: source, detail: problem)
        }
        guard (config.model ?? .mlp) == architecture.kind, (config.batchNorm ?? false) == architecture.hasBatchNorm,
              config.convolutionWidth == nil || config.convolutionWidth == architecture.convolutionWidth else {
            throw .inconsistent(source: source, detail: "the configuration's model differs from the architecture's")
        }
    }

    /// The entries every ganscope checkpoint has, GAN or autoencoder.
    static func runEntries(run: String, step: Int, realSamplesSeen: Int, rng: SeededRNG, config: TrainingConfig,
                           created: Date) throws(CheckpointError) -> [String: String] {
        [
            MetadataKey.format: formatName,
            MetadataKey.formatVersion: formatVersion,
            MetadataKey.run: run,
            MetadataKey.step: String(step),
            MetadataKey.realSamplesSeen: String(realSamplesSeen),
            MetadataKey.rng: "[" + rng.state.map(String.init).joined(separator: ",") + "]",
            MetadataKey.config: try json(config, key: MetadataKey.config),
            MetadataKey.dataset: config.dataset,
            MetadataKey.created: text(of: created),
        ]
    }

    static func json(_ value: some Encodable, key: String) throws(CheckpointError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw .unsavable(detail: "metadata \(key) cannot be stored as JSON: \(error)")
        }
    }
}

/// Reads typed values out of untrusted metadata, each failure naming the file and the key.
struct MetadataReader {
    let metadata: [String: String]
    let source: String

    func string(_ key: String) throws(CheckpointError) -> String {
        guard let value = metadata[key] else {
            throw .invalidMetadata(source: source, key: key, detail: "missing")
        }
        return value
    }

    /// A non-negative integer written in decimal.
    func count(_ key: String) throws(CheckpointError) -> Int {
        let text = try string(key)
        guard let value = Int(text), value >= 0 else {
            throw .invalidMetadata(source: source, key: key, detail: "\(text.quotedForMessage) is not a non-negative integer")
        }
        return value
    }

    func json<T: Decodable>(_ key: String) throws(CheckpointError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(try string(key).utf8))
        } catch let error as CheckpointError {
            throw error
        } catch {
            throw .invalidMetadata(source: source, key: key, detail: "not the expected JSON (\(Self.summary(error)))")
        }
    }

    /// Throws unless the metadata is a ganscope checkpoint's of the version this build reads.
    func checkFormat() throws(CheckpointError) {
        let format = metadata[MetadataKey.format]
        guard format == CheckpointInfo.formatName else { throw .notACheckpoint(source: source, format: format) }
        let version = try string(MetadataKey.formatVersion)
        guard version == CheckpointInfo.formatVersion else {
            throw .unsupportedVersion(source: source, version: version)
        }
    }

    /// The training random stream's state.
    func rng() throws(CheckpointError) -> SeededRNG {
        let words: [UInt64] = try json(MetadataKey.rng)
        guard let rng = SeededRNG(state: words) else {
            throw .invalidMetadata(source: source, key: MetadataKey.rng, detail: "needs four words, not all zero")
        }
        return rng
    }

    /// When the snapshot was taken.
    func created() throws(CheckpointError) -> Date {
        let text = try string(MetadataKey.created)
        guard let created = try? CheckpointInfo.timeFormat.parse(text) else {
            throw .invalidMetadata(source: source, key: MetadataKey.created, detail: "not an ISO 8601 time")
        }
        return created
    }

    /// A number written as decimal text (NaN and infinities included: a diverged run's losses).
    func number(_ key: String) throws(CheckpointError) -> Float {
        let text = try string(key)
        guard let value = Float(text) else {
            throw .invalidMetadata(source: source, key: key, detail: "\(text.quotedForMessage) is not a number")
        }
        return value
    }

    /// The discriminator's update count, or for a checkpoint from before it was recorded
    /// `step` × K (K could not change then).
    func discriminatorUpdates(step: Int, k: Int) throws(CheckpointError) -> Int {
        if metadata[MetadataKey.discriminatorUpdates] != nil { return try count(MetadataKey.discriminatorUpdates) }
        let (product, overflow) = step.multipliedReportingOverflow(by: k)
        guard !overflow else {
            throw .invalidMetadata(source: source, key: MetadataKey.step, detail: "\(step) steps × K \(k) overflows")
        }
        return product
    }

    /// The last losses: all four keys or none.
    func stepResult() throws(CheckpointError) -> StepResult? {
        let keys = [MetadataKey.lossD, MetadataKey.lossG, MetadataKey.meanRealScore, MetadataKey.meanFakeScore]
        let present = keys.filter { metadata[$0] != nil }
        guard !present.isEmpty else { return nil }
        var values: [Float] = []
        for key in keys { values.append(try number(key)) }
        return StepResult(discriminatorLoss: values[0], generatorLoss: values[1],
                          meanRealScore: values[2], meanFakeScore: values[3])
    }

    /// A decoding error in one short line (Foundation's descriptions span several).
    private static func summary(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .typeMismatch(_, let context), .valueNotFound(_, let context),
             .keyNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
