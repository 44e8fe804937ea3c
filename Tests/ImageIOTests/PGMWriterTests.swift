import Testing
@testable import ImageIO

@Suite struct PGMWriterTests {
    @Test func exactBytes() throws {
        let bytes = try PGMWriter.encode(gray: [0, 128, 255, 7, 8, 9], width: 3, height: 2)
        #expect(bytes == Array("P5\n3 2\n255\n".utf8) + [0, 128, 255, 7, 8, 9])
    }

    @Test func rejectsWrongPixelCount() {
        #expect(throws: ImageError.pixelCountMismatch(expected: 4, actual: 3)) {
            try PGMWriter.encode(gray: [1, 2, 3], width: 2, height: 2)
        }
        #expect(throws: ImageError.invalidSize(width: -1, height: 2)) {
            try PGMWriter.encode(gray: [], width: -1, height: 2)
        }
    }
}
