import Foundation

/// The PNG and JPEG files under a folder, found recursively and sorted by path, with the size
/// and modification time of each: enough to tell whether a cached decode is still current.
///
/// Files are picked by extension (`.png`, `.jpg`, `.jpeg`, any case); other files, hidden files
/// and hidden folders are ignored silently, so a README or `.DS_Store` beside the pictures is
/// not reported as a broken image. Whether a picked file really is an image is decided later by
/// its content.
struct FolderListing: Equatable {
    struct Entry: Equatable, Sendable {
        /// Relative to the folder, "/"-separated.
        let path: String
        let size: Int64
        /// Modification time: seconds since 1970 and nanoseconds.
        let modifiedSeconds: Int64
        let modifiedNanoseconds: Int64
    }

    static let extensions: Set<String> = ["png", "jpg", "jpeg"]

    let folder: String
    let entries: [Entry]

    /// Lists `folder`; throws if it does not exist or is not a folder.
    init(folder: String) throws(DatasetError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw .fileNotFound(path: folder)
        }
        guard isFolder.boolValue else { throw .notAFolder(path: folder) }
        let root = URL(fileURLWithPath: folder)
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil,
                                                    options: [.skipsHiddenFiles])
        var entries: [Entry] = []
        let prefixLength = root.standardizedFileURL.path.count + 1
        while let url = walker?.nextObject() as? URL {
            guard Self.extensions.contains(url.pathExtension.lowercased()) else { continue }
            var status = stat()
            // Follows symbolic links, so a linked picture counts as the picture.
            guard stat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(prefixLength))
            entries.append(Entry(path: relative, size: Int64(status.st_size),
                                 modifiedSeconds: Int64(status.st_mtim.tv_sec),
                                 modifiedNanoseconds: Int64(status.st_mtim.tv_nsec)))
        }
        self.folder = folder
        self.entries = entries.sorted { $0.path < $1.path }
    }

    /// A hash of everything a decode depends on: every file's path, size and time, the image
    /// size, the channels asked for (nil: as the files are) and how the decoder reads files
    /// (`decoderRevision`). Any change gives another key.
    /// Changed whenever the decoder reads the same file into other pixels, so caches written
    /// before are stale: since 2026-12-02, JPEGs are turned by their EXIF orientation.
    static let decoderRevision = "exif-orientation"

    func cacheKey(imageSize: Int, channels: Int?) -> UInt64 {
        var hash = FNVHash()
        hash.mix(text: Self.decoderRevision)
        hash.mix(text: "\(imageSize) \(channels.map(String.init) ?? "auto")")
        for entry in entries {
            hash.mix(text: entry.path)
            hash.mix(UInt64(bitPattern: entry.size))
            hash.mix(UInt64(bitPattern: entry.modifiedSeconds))
            hash.mix(UInt64(bitPattern: entry.modifiedNanoseconds))
        }
        return hash.value
    }
}
