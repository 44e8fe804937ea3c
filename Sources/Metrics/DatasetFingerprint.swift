import Datasets

/// A short hash of a data set's content (shape, colour planes, pixels, labels): two sets with the same
/// fingerprint hold the same data, whatever their file names. ``FNVHash``, so it is stable across
/// runs and machines; not a cryptographic hash (nobody forges a cache file).
struct DatasetFingerprint: Equatable {
    private let hash: FNVHash

    init(_ dataset: Dataset) {
        var hash = FNVHash()
        hash.mix(UInt64(dataset.featureCount))
        hash.mix(UInt64(dataset.count))
        // Colour planes for colour sets only: gray sets keep the fingerprints, and so the cached
        // classifiers, they had before colour.
        if dataset.shape.channels == 3 { hash.mix(3) }
        // Row by row, so that no copy of the whole set is made, however it is stored.
        for index in 0..<dataset.count {
            for value in dataset.sample(at: index) { hash.mix(UInt64(value.bitPattern)) }
        }
        for label in dataset.labels ?? [] { hash.mix(UInt64(bitPattern: Int64(label))) }
        self.hash = hash
    }

    /// The first 12 hex digits (48 bits): short in a file name, and a chance collision between
    /// the few data sets one folder sees is negligible.
    var hex: String { String(hash.hex.prefix(12)) }
}
