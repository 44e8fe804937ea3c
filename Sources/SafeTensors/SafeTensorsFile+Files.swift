import Foundation

extension SafeTensorsFile {
    /// Reads and validates the safetensors file at `path`.
    ///
    /// Errors name the path: a missing or unreadable file gives ``SafeTensorsError/unreadable(source:reason:)``
    /// with the system's reason; malformed content gives the specific decoding error.
    public static func load(path: String) throws(SafeTensorsError) -> SafeTensorsFile {
        let bytes: [UInt8]
        do {
            bytes = try readBytes(path)
        } catch {
            throw .unreadable(source: path, reason: error.reason)
        }
        return try decode(bytes, source: path)
    }

    /// Reads and validates only the header of the file at `path`: the metadata and every tensor's
    /// name, shape and byte range, checked against the file's size; the tensor data is not read.
    ///
    /// Meant for listings of many large files. Errors are those of ``load(path:)``.
    public static func loadHeader(path: String) throws(SafeTensorsError) -> SafeTensorsHeader {
        let prefix: (bytes: [UInt8], fileSize: Int)
        do {
            prefix = try readHeaderBytes(path)
        } catch {
            throw .unreadable(source: path, reason: error.reason)
        }
        let dataStart = try headerEnd(lengthField: prefix.bytes.prefix(8), fileSize: prefix.fileSize, source: path)
        guard prefix.bytes.count == dataStart else {
            // The file shrank between fstat and read.
            throw .headerBeyondFile(source: path, length: UInt64(dataStart - 8), available: prefix.bytes.count - 8)
        }
        let (metadata, entries) = try decodeHeader(Array(prefix.bytes[8...]),
                                                   bufferSize: prefix.fileSize - dataStart, source: path)
        return SafeTensorsHeader(metadata: metadata,
                                 tensors: entries.map { SafeTensorsHeader.Entry(name: $0.name, shape: $0.shape) })
    }

    /// Atomically writes the encoded file to `path`; see ``AtomicFile/write(_:to:overwrite:)``.
    public func write(to path: String, overwrite: Bool = false) throws(AtomicFileError) {
        try AtomicFile.write(encoded(), to: path, overwrite: overwrite)
    }

    /// A failed system call while reading, with the C library's explanation.
    private struct ReadFailure: Error {
        let reason: String

        init(_ code: Int32) {
            reason = AtomicFileError.reason(code)
        }

        init(reason: String) {
            self.reason = reason
        }
    }

    /// The length field and the header of a regular file (as much of them as it holds), and its size.
    private static func readHeaderBytes(_ path: String) throws(ReadFailure) -> (bytes: [UInt8], fileSize: Int) {
        let descriptor = try openRegularFile(path)
        defer { close(descriptor.descriptor) }
        let lengthField = try readUpTo(descriptor.descriptor, count: 8)
        guard lengthField.count == 8 else { return (lengthField, descriptor.size) }
        let length = lengthField.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        // Oversized lengths are reported by the caller; read nothing more for them.
        guard length <= UInt64(min(maximumHeaderLength, descriptor.size)) else { return (lengthField, descriptor.size) }
        return (lengthField + (try readUpTo(descriptor.descriptor, count: Int(length))), descriptor.size)
    }

    /// Opens `path` for reading, failing unless it is a regular file; returns the descriptor and size.
    private static func openRegularFile(_ path: String) throws(ReadFailure) -> (descriptor: Int32, size: Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadFailure(errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw ReadFailure(code)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw ReadFailure(reason: "not a regular file")
        }
        return (descriptor, Int(status.st_size))
    }

    /// Reads until `count` bytes or the end of the file, retrying interrupted calls.
    private static func readUpTo(_ descriptor: Int32, count: Int) throws(ReadFailure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let result = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Foundation.read(descriptor, base + filled, count - filled)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(errno)
            }
            if result == 0 { break }
            filled += result
        }
        return Array(bytes[..<filled])
    }

    /// The whole content of a regular file, read with plain system calls so that failures carry
    /// `errno` (Foundation's `Data(contentsOf:)` hides it behind a generic message on Linux).
    private static func readBytes(_ path: String) throws(ReadFailure) -> [UInt8] {
        let (descriptor, size) = try openRegularFile(path)
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
