import Foundation

/// Loads an IDX image set (MNIST, Fashion-MNIST, KMNIST, EMNIST, …), plain or gzip-compressed,
/// with its labels when a labels file lies beside it.
enum IDXLoader {
    /// The first `count` images (all when nil) of the set at `path` for `split`.
    static func load(path: String, split: DataSplit, count: Int?) throws(DatasetError) -> Dataset {
        let location = try IDXLocation(resolving: path, split: split)
        let images = try IDXArray(parsing: readBytes(location.images), path: location.images, dimensionCount: 3)
        let (itemCount, rows, columns) = (images.dimensions[0], images.dimensions[1], images.dimensions[2])
        let kept = min(itemCount, count ?? itemCount)
        // The bytes are kept as they are: a data set stores pixel levels 0…255 (see `Dataset`).
        let pixels = Array(images.payload.prefix(kept * rows * columns))

        var labels: [Int]?
        var classNames: [String]?
        if let labelsPath = location.labels {
            let values = try IDXArray(parsing: readBytes(labelsPath), path: labelsPath, dimensionCount: 1)
            guard values.dimensions[0] == itemCount else {
                throw .labelCountMismatch(labelsPath: labelsPath, labelCount: values.dimensions[0], imageCount: itemCount)
            }
            // Classes are the distinct label values in order, so EMNIST letters (1…26) get indices 0…25.
            let distinct = Set(values.payload).sorted()
            let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            labels = values.payload.prefix(kept).map { index[$0] ?? 0 }
            classNames = distinct.map { String($0) }
        }
        return Dataset(name: "idx:\(path)", shape: .image(width: columns, height: rows), pixels: pixels,
                       labels: labels, classNames: classNames)
    }

    /// The bytes of `path`, inflated if they start with the gzip magic.
    private static func readBytes(_ path: String) throws(DatasetError) -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let reason = FileManager.default.isReadableFile(atPath: path) ? "read failed" : "permission denied"
            throw .unreadable(path: path, reason: reason)
        }
        guard Gzip.isCompressed(bytes) else { return bytes }
        do {
            return try Gzip.decompress(bytes)
        } catch {
            throw .invalidGzip(path: path, reason: error.reason)
        }
    }
}
