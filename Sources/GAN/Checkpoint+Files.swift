import SafeTensors

extension Checkpoint {
    /// Reads and validates the checkpoint at `path`; every error names the file.
    public static func load(path: String) throws(CheckpointError) -> Checkpoint {
        let file: SafeTensorsFile
        do {
            file = try SafeTensorsFile.load(path: path)
        } catch {
            throw .unreadable(error)
        }
        return try Checkpoint(file: file, source: path)
    }

    /// Decodes and validates checkpoint bytes; `source` names them in errors.
    public static func decode(_ bytes: [UInt8], source: String) throws(CheckpointError) -> Checkpoint {
        let file: SafeTensorsFile
        do {
            file = try SafeTensorsFile.decode(bytes, source: source)
        } catch {
            throw .unreadable(error)
        }
        return try Checkpoint(file: file, source: source)
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

extension CheckpointInfo {
    /// Reads only the header of the checkpoint at `path` (fast whatever the file's size) and
    /// validates its metadata; the tensors are not checked.
    public static func load(path: String) throws(CheckpointError) -> CheckpointInfo {
        let header: SafeTensorsHeader
        do {
            header = try SafeTensorsFile.loadHeader(path: path)
        } catch {
            throw .unreadable(error)
        }
        return try CheckpointInfo(metadata: header.metadata, source: path)
    }
}
