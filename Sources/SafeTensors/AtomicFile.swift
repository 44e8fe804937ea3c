import Foundation

/// Writes files so that readers see either the old state or the complete new file, never a
/// partial one, even if the process or machine dies midway.
///
/// The bytes go to a hidden temporary file in the destination's folder (same file system, so
/// the final step is an atomic rename), which is flushed with `fsync`, moved into place, and the
/// folder is flushed so the new name survives a crash. On any failure the temporary file is
/// removed and the destination is untouched.
///
/// ```swift
/// try AtomicFile.write(file.encoded(), to: "checkpoints/step-000100.safetensors")
/// ```
public enum AtomicFile {
    /// Atomically creates (or, if `overwrite`, replaces) the file at `path` with `bytes`.
    ///
    /// Without `overwrite`, an existing file is never replaced, even one created by another
    /// process at the same moment: the new file is hard-linked into place, which fails if the name
    /// is taken. On file systems without hard links it falls back to check-then-rename, which
    /// leaves a tiny window for such a race.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool = false)
        throws(AtomicFileError)
    {
        let folder = folderName(of: path)
        let temporary = temporaryPath(for: path, in: folder)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotCreateTemporary(path: path, folder: folder, errno: errno)
        }
        // After a successful rename the temporary name no longer exists and this does nothing;
        // on every other path (failure, or success by hard link) it removes the temporary file.
        defer { unlink(temporary) }

        let writeError = writeAll(bytes, to: descriptor) ?? (fsync(descriptor) == 0 ? nil : errno)
        let closeError = close(descriptor) == 0 ? nil : errno
        if let code = writeError ?? closeError {
            throw .cannotWrite(path: path, errno: code)
        }

        if overwrite {
            guard rename(temporary, path) == 0 else { throw .cannotRename(path: path, errno: errno) }
        } else {
            try placeWithoutReplacing(temporary, at: path)
        }
        try syncFolder(folder, of: path)
    }

    /// Gives the temporary file its final name, failing if that name is already taken.
    private static func placeWithoutReplacing(_ temporary: String, at path: String)
        throws(AtomicFileError)
    {
        if link(temporary, path) == 0 { return }
        let code = errno
        if code == EEXIST { throw .alreadyExists(path: path) }
        let linksUnsupported = [EPERM, ENOTSUP, EOPNOTSUPP, ENOSYS, EMLINK].contains(code)
        guard linksUnsupported else { throw .cannotRename(path: path, errno: code) }
        guard access(path, F_OK) != 0 else { throw .alreadyExists(path: path) }
        guard rename(temporary, path) == 0 else { throw .cannotRename(path: path, errno: errno) }
    }

    /// Flushes the folder entry so that the new name itself survives a crash.
    private static func syncFolder(_ folder: String, of path: String) throws(AtomicFileError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .cannotSyncFolder(path: path, folder: folder, errno: errno)
        }
        defer { close(descriptor) }
        // Some file systems cannot fsync a folder (EINVAL); the data itself is already durable.
        guard fsync(descriptor) == 0 || errno == EINVAL else {
            throw .cannotSyncFolder(path: path, folder: folder, errno: errno)
        }
    }

    /// Writes every byte, retrying short writes and interrupted calls; returns `errno` on failure.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { raw -> Int32? in
            guard let base = raw.baseAddress else { return nil }
            var written = 0
            while written < raw.count {
                let result = Foundation.write(descriptor, base + written, raw.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return nil
        }
    }

    /// The folder part of `path`: `"."` for a bare name, `"/"` for a file in the root.
    static func folderName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// A hidden, unique name next to `path`, e.g. `checkpoints/.x.safetensors.tmp-1a2b3c4d`.
    private static func temporaryPath(for path: String, in folder: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? "file"
        let suffix = String(UInt64.random(in: .min ... .max), radix: 16)
        return "\(folder)/.\(name).tmp-\(suffix)"
    }
}
