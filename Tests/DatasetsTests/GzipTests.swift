import Datasets
import Testing

@Suite struct GzipTests {
    @Test func roundTripsAndDetectsTheMagic() throws {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * $0 / 7) }
        let packed = try Gzip.compress(bytes)
        #expect(Gzip.isCompressed(packed) && !Gzip.isCompressed(bytes))
        #expect(try Gzip.decompress(packed) == bytes)
    }

    @Test func inflatesConcatenatedMembers() throws {
        let joined = try Gzip.compress([1, 2, 3]) + Gzip.compress([4, 5])
        #expect(try Gzip.decompress(joined) == [1, 2, 3, 4, 5])
    }
}
