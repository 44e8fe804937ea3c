import Datasets
import Testing

/// Pins the grayscale sets to the bytes they had before colour came: checkpoints and cached
/// classifiers trained on them must keep meaning the same data. The hashes were computed with the
/// generators as they were before `faces` turned colour.
@Suite struct GrayscalePinTests {
    @Test(arguments: [("faces-gray", UInt64(0x7311_8dc9_9f47_bf2d)), ("digits", UInt64(0x3274_3c4e_4578_4c28))])
    func firstSamplesKeepTheirBytes(name: String, expected: UInt64) throws {
        let train = try DatasetCatalog.load(name, seed: 11, count: 40)
        let test = try DatasetCatalog.load(name, seed: 11, split: .test, count: 10)
        let hash = Self.hash(train.samples + test.samples, labels: (train.labels ?? []) + (test.labels ?? []))
        print("\(name): \(String(hash, radix: 16))")
        #expect(train.shape.channels == 1)
        #expect(hash == expected)
    }

    /// FNV-1a over the floats' bit patterns and the labels.
    static func hash(_ values: [Float], labels: [Int]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ word: UInt64) { hash = (hash ^ word) &* 0x100_0000_01b3 }
        for value in values { mix(UInt64(value.bitPattern)) }
        for label in labels { mix(UInt64(bitPattern: Int64(label))) }
        return hash
    }
}
