import Datasets

/// A short hash of a data set's content (shape, colour planes, pixels, labels): two sets with the same
/// fingerprint hold the same data, whatever their file names. FNV-1a over 64-bit words, so it
/// is stable across runs and machines; not a cryptographic hash (nobody forges a cache file).
struct DatasetFingerprint: Equatable {
    let value: UInt64

    init(_ dataset: Dataset) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ word: UInt64) { hash = (hash ^ word) &* 0x100_0000_01b3 }
        mix(UInt64(dataset.featureCount))
        mix(UInt64(dataset.count))
        // Colour planes for colour sets only: gray sets keep the fingerprints, and so the cached
        // classifiers, they had before colour.
        if dataset.shape.channels == 3 { mix(3) }
        // Row by row, so that no copy of the whole set is made, however it is stored.
        for index in 0..<dataset.count {
            for value in dataset.sample(at: index) { mix(UInt64(value.bitPattern)) }
        }
        for label in dataset.labels ?? [] { mix(UInt64(bitPattern: Int64(label))) }
        value = hash
    }

    /// The first 12 hex digits (48 bits): short in a file name, and a chance collision between
    /// the few data sets one folder sees is negligible.
    var hex: String {
        let digits = String(value, radix: 16)
        return String((String(repeating: "0", count: 16 - digits.count) + digits).prefix(12))
    }
}
