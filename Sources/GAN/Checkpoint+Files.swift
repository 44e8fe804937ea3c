import SafeTensors

/// A checkpoint that is one safetensors file: ``Checkpoint`` (a GAN's) and
/// ``AutoencoderCheckpoint``. Reading and writing the file is the same for both.
public protocol CheckpointFileFormat {
    /// Reads the checkpoint out of a decoded file, validating everything; `source` names it in errors.
    init(file: SafeTensorsFile, source: String) throws(CheckpointError)
    /// The checkpoint as a file, or why it cannot be saved.
    func safeTensorsFile() throws(CheckpointError) -> SafeTensorsFile
}

extension CheckpointFileFormat {
    /// Reads and validates the checkpoint at `path`; every error names the file.
    public static func load(path: String) throws(CheckpointError) -> Self {
        let file: SafeTensorsFile
        do {
            file = try SafeTensorsFile.load(path: path)
        } catch {
            throw .unreadable(error)
        }
        return try Self(file: file, source: path)
    }

    /// Decodes and validates checkpoint bytes; `source` names them in errors.
    public static func decode(_ bytes: [UInt8], source: String) throws(CheckpointError) -> Self {
        let file: SafeTensorsFile
        do {
            file = try SafeTensorsFile.decode(bytes, source: source)
        } catch {
            throw .unreadable(error)
        }
        return try Self(file: file, source: source)
    }

    /// Writes the checkpoint atomically to `path`, which must not exist yet.
    public func write(to path: String) throws(CheckpointError) {
        let file = try safeTensorsFile()
        do {
            try file.write(to: path)
        } catch {
            throw .cannotWrite(error)
        }
    }
}

extension Checkpoint: CheckpointFileFormat {}

/// What a checkpoint's metadata says, readable from the file's header alone: ``CheckpointInfo``
/// and ``AutoencoderCheckpointInfo``.
public protocol CheckpointHeaderFormat {
    /// Parses and checks untrusted metadata; `source` names the file in errors.
    init(metadata: [String: String], source: String) throws(CheckpointError)
}

extension CheckpointHeaderFormat {
    /// Reads only the header of the checkpoint at `path` (fast whatever the file's size) and
    /// validates its metadata; the tensors are not checked.
    public static func load(path: String) throws(CheckpointError) -> Self {
        let header: SafeTensorsHeader
        do {
            header = try SafeTensorsFile.loadHeader(path: path)
        } catch {
            throw .unreadable(error)
        }
        return try Self(metadata: header.metadata, source: path)
    }
}

extension CheckpointInfo: CheckpointHeaderFormat {}
extension AutoencoderCheckpointInfo: CheckpointHeaderFormat {}
