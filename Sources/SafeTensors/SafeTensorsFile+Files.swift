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

    /// The whole content of a regular file, read with plain system calls so that failures carry
    /// `errno` (Foundation's `Data(contentsOf:)` hides it behind a generic message on Linux).
    private static func readBytes(_ path: String) throws(ReadFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadFailure(errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ReadFailure(errno) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw ReadFailure(reason: "not a regular file") }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
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
