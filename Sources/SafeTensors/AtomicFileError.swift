import Foundation

/// Why ``AtomicFile/write(_:to:overwrite:)`` failed; each description names the path and the
/// system's reason, e.g. `out/x.png: cannot create a temporary file in out: No such file or directory`.
public enum AtomicFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The destination exists and overwriting was not allowed.
    case alreadyExists(path: String)
    /// The temporary file could not be created in the destination's folder.
    case cannotCreateTemporary(path: String, folder: String, errno: Int32)
    /// Writing, flushing or closing the temporary file failed (for example, disk full).
    case cannotWrite(path: String, errno: Int32)
    /// Moving the finished temporary file into place failed.
    case cannotRename(path: String, errno: Int32)
    /// The file is in place, but the folder entry could not be flushed to disk.
    case cannotSyncFolder(path: String, folder: String, errno: Int32)

    public var description: String {
        switch self {
        case .alreadyExists(let path):
            "\(path): already exists; choose another name or remove the old file"
        case .cannotCreateTemporary(let path, let folder, let code):
            "\(path): cannot create a temporary file in \(folder): \(Self.reason(code))"
        case .cannotWrite(let path, let code):
            "\(path): cannot write the data: \(Self.reason(code)); nothing was changed"
        case .cannotRename(let path, let code):
            "\(path): cannot move the new file into place: \(Self.reason(code)); nothing was changed"
        case .cannotSyncFolder(let path, let folder, let code):
            "\(path): written, but flushing folder \(folder) failed: \(Self.reason(code)); "
                + "the file may be lost if the machine crashes now"
        }
    }

    /// The C library's text for an `errno` value, e.g. "No space left on device".
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
