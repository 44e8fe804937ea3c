import Testing
@testable import ImageIO

@Suite struct PNGWriterTests {
    @Test func crc32MatchesKnownValue() {
        // The standard check value of CRC-32/ISO-HDLC.
        #expect(PNGTestDecoder.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test(.enabled(if: PNGTestDecoder.pythonAvailable, "python3 is needed to inflate IDAT"))
    func grayGradientDecodesToTheSamePixels() throws {
        let (width, height) = (37, 23)  // odd sizes catch stride mistakes
        let pixels = (0..<height).flatMap { (y: Int) -> [UInt8] in
            (0..<width).map { (x: Int) -> UInt8 in UInt8((x * 255 / (width - 1) + y * 7) % 256) }
        }
        let png = try PNGWriter.encode(gray: pixels, width: width, height: height)
        let image = try PNGTestDecoder.decode(png)
        #expect(image.width == width)
        #expect(image.height == height)
        #expect(image.channels == 1)
        #expect(image.pixels == pixels)
        #expect(image.chunkTypes.first == "IHDR")
        #expect(image.chunkTypes.last == "IEND")
    }

    @Test(.enabled(if: PNGTestDecoder.pythonAvailable, "python3 is needed to inflate IDAT"))
    func rgbImageDecodesToTheSamePixels() throws {
        let (width, height) = (16, 9)
        let pixels = (0..<(width * height)).flatMap { (index: Int) -> [UInt8] in
            let red = UInt8(index % 256)
            return [red, 255 - red, UInt8(index * 31 % 256)]
        }
        let image = try PNGTestDecoder.decode(PNGWriter.encode(rgb: pixels, width: width, height: height))
        #expect(image.channels == 3)
        #expect(image.pixels == pixels)
    }

    @Test(.enabled(if: PNGTestDecoder.pythonAvailable, "python3 is needed to inflate IDAT"))
    func singlePixelImage() throws {
        let image = try PNGTestDecoder.decode(PNGWriter.encode(gray: [200], width: 1, height: 1))
        #expect(image.pixels == [200])
    }

    @Test func signatureAndChunkCRCsAreValidWithoutPython() throws {
        let png = try PNGWriter.encode(gray: [0, 64, 128, 255], width: 2, height: 2)
        let chunks = try PNGTestDecoder.readChunks(png)
        #expect(chunks.first?.type == "IHDR")
        #expect(chunks.contains { $0.type == "IDAT" })
        #expect(chunks.last?.type == "IEND")
    }

    @Test func rejectsWrongSizes() {
        #expect(throws: ImageError.pixelCountMismatch(expected: 6, actual: 5)) {
            try PNGWriter.encode(gray: [1, 2, 3, 4, 5], width: 3, height: 2)
        }
        #expect(throws: ImageError.pixelCountMismatch(expected: 18, actual: 6)) {
            try PNGWriter.encode(rgb: [1, 2, 3, 4, 5, 6], width: 3, height: 2)
        }
        #expect(throws: ImageError.invalidSize(width: 0, height: 2)) {
            try PNGWriter.encode(gray: [], width: 0, height: 2)
        }
        #expect(throws: ImageError.invalidSize(width: .max, height: 2)) {
            try PNGWriter.encode(gray: [], width: .max, height: 2)
        }
    }
}
