import Testing
@testable import TensorBoard

@Suite struct TFRecordTests {
    static let payload: [UInt8] = Array("one record".utf8)

    private func next(_ bytes: [UInt8], at offset: Int = 0) -> TFRecord.Next {
        bytes.withUnsafeBytes { TFRecord.next(in: $0, at: offset) }
    }

    @Test func framedRecordReadsBack() {
        let framed = TFRecord.frame(Self.payload)
        #expect(framed.count == TFRecord.headerSize + Self.payload.count + TFRecord.footerSize)
        guard case .record(let data, let end) = next(framed) else {
            Issue.record("not read back")
            return
        }
        #expect(Array(framed[data]) == Self.payload)
        #expect(end == framed.count)
    }

    @Test func twoRecordsOneAfterTheOther() {
        let bytes = TFRecord.frame(Self.payload) + TFRecord.frame([1, 2, 3])
        guard case .record(_, let end) = next(bytes), case .record(let data, _) = next(bytes, at: end) else {
            Issue.record("not read back")
            return
        }
        #expect(Array(bytes[data]) == [1, 2, 3])
    }

    @Test func everyCutIsIncomplete() {
        let framed = TFRecord.frame(Self.payload)
        for length in 0..<framed.count {
            #expect(next(Array(framed.prefix(length))) == .incomplete, "cut at \(length)")
        }
    }

    @Test func badLengthChecksum() {
        var framed = TFRecord.frame(Self.payload)
        framed[9] ^= 0x40
        #expect(next(framed) == .badLengthChecksum)
    }

    @Test func changedLengthFailsItsChecksum() {
        var framed = TFRecord.frame(Self.payload)
        framed[0] &+= 1
        #expect(next(framed) == .badLengthChecksum)
    }

    @Test func badDataChecksumSaysWhereTheNextRecordStarts() {
        var framed = TFRecord.frame(Self.payload)
        framed[TFRecord.headerSize + 2] ^= 1
        #expect(next(framed) == .badDataChecksum(end: framed.count))
    }

    @Test func lengthOverTheLimitIsRefusedBeforeWaiting() {
        // A checked length one over the limit: refused at once, not waited for.
        let length = UInt64(TFRecord.maximumLength + 1)
        let lengthBytes = (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) }
        let crc = CRC32C.masked(CRC32C.checksum(lengthBytes))
        let header = lengthBytes + (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * UInt32($0))) }
        #expect(next(header) == .tooLong(length: length))
    }
}
