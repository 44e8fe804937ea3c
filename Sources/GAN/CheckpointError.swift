import SafeTensors

/// Why a checkpoint could not be read, used or written; each description is one line that
/// names the file and says what to do.
public enum CheckpointError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file is not valid safetensors (or cannot be read at all).
    case unreadable(SafeTensorsError)
    /// Valid safetensors, but not written by ganscope (`format` metadata missing or different).
    case notACheckpoint(source: String, format: String?)
    /// A ganscope checkpoint of a format version this build does not know.
    case unsupportedVersion(source: String, version: String)
    /// A metadata entry is missing or does not parse.
    case invalidMetadata(source: String, key: String, detail: String)
    /// The metadata entries contradict each other (e.g. architecture vs. configuration).
    case inconsistent(source: String, detail: String)
    /// A tensor the configuration requires is absent.
    case missingTensor(source: String, name: String)
    /// A tensor the configuration does not explain is present.
    case unexpectedTensor(source: String, name: String)
    /// A tensor's shape differs from the one the architecture implies.
    case shapeMismatch(source: String, name: String, expected: [Int], found: [Int])
    /// A tensor holds a value that cannot be right (e.g. a fractional step count).
    case invalidValue(source: String, name: String, detail: String)
    /// The checkpoint is valid but does not fit what it is used with (resume options, data set).
    case incompatible(source: String, detail: String)
    /// Neither a ganscope checkpoint nor a generator state dict whose layout ganscope recognises;
    /// `tensors` lists what the file holds ("0.weight [256, 64]", …), shortened when long.
    case unrecognisedGenerator(source: String, detail: String, tensors: [String])
    /// The checkpoint folder could not be created or listed.
    case folderUnavailable(path: String, reason: String)
    /// Writing the file failed; nothing was left behind (see `AtomicFileError`).
    case cannotWrite(AtomicFileError)
    /// The run's state cannot be stored so that it reads back (e.g. a non-finite learning rate);
    /// nothing was written.
    case unsavable(detail: String)
    /// Training was stopped part-way through the iteration after `step`: the weights match no
    /// step, so no snapshot of them is written.
    case midStep(step: Int)

    public var description: String {
        switch self {
        case .unreadable(let error):
            "\(error)"
        case .notACheckpoint(let source, let format):
            "\(source): not a ganscope checkpoint (format \(format.map { $0.quotedForMessage } ?? "missing"), "
                + "expected \(CheckpointInfo.formatName.quotedForMessage))"
        case .unsupportedVersion(let source, let version):
            "\(source): checkpoint format version \(version.quotedForMessage) is not supported by this build "
                + "(it reads version \(CheckpointInfo.formatVersion)); use a newer ganscope"
        case .invalidMetadata(let source, let key, let detail):
            "\(source): metadata \(key.quotedForMessage): \(detail)"
        case .inconsistent(let source, let detail):
            "\(source): inconsistent checkpoint: \(detail)"
        case .missingTensor(let source, let name):
            "\(source): tensor \(name.quotedForMessage) is missing; the file is incomplete or from another model"
        case .unexpectedTensor(let source, let name):
            "\(source): unexpected tensor \(name.quotedForMessage) for this architecture and optimiser"
        case .shapeMismatch(let source, let name, let expected, let found):
            "\(source): tensor \(name.quotedForMessage) has shape \(found), but the architecture needs \(expected)"
        case .invalidValue(let source, let name, let detail):
            "\(source): tensor \(name.quotedForMessage): \(detail)"
        case .incompatible(let source, let detail):
            "\(source): \(detail)"
        case .unrecognisedGenerator(let source, let detail, let tensors):
            "\(source): not a ganscope checkpoint nor a known generator state dict (nn.Sequential MLP or DCGAN): "
                + "\(detail); tensors: \(tensors.joined(separator: ", "))"
        case .folderUnavailable(let path, let reason):
            "\(path): cannot use the checkpoint folder: \(reason)"
        case .cannotWrite(let error):
            "\(error)"
        case .unsavable(let detail):
            "cannot save a snapshot of this run: \(detail)"
        case .midStep(let step):
            "no snapshot: training was stopped part-way through step \(step + 1) (inside its K discriminator "
                + "updates), so the weights match no step and are not saved"
        }
    }
}
