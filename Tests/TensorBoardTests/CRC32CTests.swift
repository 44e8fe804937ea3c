import Testing
@testable import TensorBoard

@Suite struct CRC32CTests {
    @Test func thirtyTwoZeroBytes() {
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    }

    @Test func maskedChecksumOfTheIssuesBytes() {
        let bytes: [UInt8] = [0x1A, 0x11] + Array("CRC test, one two".utf8)
        #expect(CRC32C.masked(CRC32C.checksum(bytes)) == 0x5794_D08A)
    }

    /// RFC 3720's check value: "123456789" → 0xE3069283.
    @Test func standardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }
}
