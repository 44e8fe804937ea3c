import CZlib
import Foundation

/// The decoded images of a folder, kept in one file so a second run need not decode again.
///
/// The file is `<cache folder>/folder-cache-<hash of the folder's path, size and channels>.bin`:
/// ```
/// "GSFOLDR1"   8 bytes
/// key          UInt64   FolderListing.cacheKey: paths, sizes, times, image size, channels
/// side         UInt32   28, 32 or 64
/// channels     UInt32   1 or 3
/// count        UInt64   images
/// skipped      UInt64   files skipped when decoding
/// namesLength  UInt32   then that many bytes: the skipped examples, UTF-8, "\n" between them
/// pixels       count · channels · side² bytes, as `Dataset` stores them
/// crc          UInt32   CRC-32 of everything before it
/// ```
/// all little-endian. A file whose key differs (files added, removed or changed) or that fails
/// any check (short, long, bad sizes, bad CRC) is ignored and written again.
struct FolderCache {
    let path: String

    private static let magic = Array("GSFOLDR1".utf8)

    /// The cache for `folder` decoded at `imageSize` with `channels` asked for, inside `cacheFolder`.
    init(cacheFolder: String, folder: String, imageSize: Int, channels: Int?) {
        var hash = FNVHash()
        hash.mix(text: URL(fileURLWithPath: folder).standardizedFileURL.path)
        hash.mix(text: "\(imageSize) \(channels.map(String.init) ?? "auto")")
        path = URL(fileURLWithPath: cacheFolder).appendingPathComponent("folder-cache-\(hash.hex).bin").path
    }

    /// What the cache file holds for a key.
    enum Lookup: Error, Equatable {
        case found(FolderImages)
        case missing
        /// Written for other files, sizes or times: the folder changed since.
        case stale
        case damaged(String)
    }

    /// The decoded images stored under `key`, if the file holds them intact.
    func load(key: UInt64) -> Lookup {
        guard let data = FileManager.default.contents(atPath: path) else { return .missing }
        do {
            return .found(try Self.decode([UInt8](data), key: key))
        } catch {
            return error
        }
    }

    /// Writes `images` under `key`, replacing any older file atomically.
    func save(_ images: FolderImages, key: UInt64) throws {
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        try Data(Self.encode(images, key: key)).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    static func encode(_ images: FolderImages, key: UInt64) -> [UInt8] {
        let names = Array(images.skipped.examples.joined(separator: "\n").utf8)
        var bytes = magic
        bytes.reserveCapacity(64 + names.count + images.pixels.count)
        append(key, to: &bytes)
        append(UInt32(images.side), to: &bytes)
        append(UInt32(images.channels), to: &bytes)
        append(UInt64(images.count), to: &bytes)
        append(UInt64(images.skipped.count), to: &bytes)
        append(UInt32(names.count), to: &bytes)
        bytes += names
        bytes += images.pixels
        append(checksum(bytes[...]), to: &bytes)
        return bytes
    }

    static func decode(_ bytes: [UInt8], key: UInt64) throws(Lookup) -> FolderImages {
        guard bytes.count >= magic.count + 4, bytes.starts(with: magic) else { throw .damaged("not a cache file") }
        let body = bytes.dropLast(4)
        var tail = Reader(data: Array(bytes.suffix(4)))
        guard let storedChecksum = tail.integer(UInt32.self), checksum(body) == storedChecksum else {
            throw .damaged("checksum mismatch")
        }
        var reader = Reader(data: bytes, offset: magic.count)
        guard let storedKey = reader.integer(UInt64.self), let side = reader.integer(UInt32.self),
              let channels = reader.integer(UInt32.self), let count = reader.integer(UInt64.self),
              let skipped = reader.integer(UInt64.self), let namesLength = reader.integer(UInt32.self),
              let names = reader.bytes(Int(namesLength))
        else { throw .damaged("header cut short") }
        guard storedKey == key else { throw .stale }
        guard FolderOptions.imageSizes.contains(Int(side)), channels == 1 || channels == 3,
              count > 0, count <= UInt64(Int.max), skipped <= UInt64(Int.max)
        else { throw .damaged("impossible sizes") }
        let imageBytes = Int(side) * Int(side) * Int(channels)
        let remaining = body.count - reader.offset
        guard remaining % imageBytes == 0, UInt64(remaining / imageBytes) == count else {
            throw .damaged("\(remaining) bytes of pixels for \(count) images")
        }
        let examples = names.isEmpty ? [] : String(decoding: names, as: UTF8.self).split(separator: "\n").map(String.init)
        return FolderImages(side: Int(side), channels: Int(channels), pixels: Array(body[reader.offset...]),
                            skipped: SkippedFiles(count: Int(skipped), examples: examples))
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    /// zlib's CRC-32, fed in pieces that fit its 32-bit length.
    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var crc = crc32(0, nil, 0)
            var offset = 0
            while offset < buffer.count {
                let length = min(buffer.count - offset, Int(UInt32.max))
                crc = crc32(crc, buffer.baseAddress! + offset, UInt32(length))
                offset += length
            }
            return UInt32(crc)
        }
    }

    /// Reads little-endian integers and byte runs, nil past the end.
    private struct Reader {
        let data: [UInt8]
        var offset = 0

        mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard let raw = bytes(MemoryLayout<T>.size) else { return nil }
            return raw.reversed().reduce(T.zero) { $0 << 8 | T($1) }
        }

        mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, count <= data.count - offset else { return nil }
            defer { offset += count }
            return data[offset..<offset + count]
        }
    }
}
