import Datasets
import Foundation

/// Builds tiny IDX files in a fresh temporary folder, so the loader is tested without MNIST.
struct IDXFixture {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("idx-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// An IDX header for unsigned bytes with `dimensions`, followed by `payload`.
    static func idx(dimensions: [Int], payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, 0x08, UInt8(dimensions.count)]
        for dimension in dimensions {
            bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: dimension >> $0) }
        }
        return bytes + payload
    }

    /// `count` images of `rows`×`columns` whose pixel k of image i is `(i * 31 + k) % 256`.
    static func images(count: Int, rows: Int, columns: Int) -> [UInt8] {
        let payload = (0..<(count * rows * columns)).map { UInt8(($0 / (rows * columns) * 31 + $0 % (rows * columns)) % 256) }
        return idx(dimensions: [count, rows, columns], payload: payload)
    }

    static func labels(_ values: [UInt8]) -> [UInt8] {
        idx(dimensions: [values.count], payload: values)
    }

    /// Writes `bytes` (gzip-compressed when `gzip`) as `name` in the folder; returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8], gzip: Bool = false) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(gzip ? Gzip.compress(bytes) : bytes).write(to: url)
        return url.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
