import Foundation
import Testing
@testable import ImageIO

/// Decoding every PNG and JPEG kind a user's folder may hold, and refusing broken files with an
/// error rather than a crash. Fixtures are written with `PNGWriter` where it can, the rest are in
/// `Fixtures/` (see its README).
@Suite struct ImageDecoderTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        return try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// Values 0…255 in an order that no row or column repeats, so a stride mistake shows.
    static func noise(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ $0 / 7) }
    }

    @Test func grayAndRGBPNGsFromPNGWriterDecodeExactly() throws {
        let gray = Self.noise(37 * 23)
        let decodedGray = try ImageDecoder.decode(PNGWriter.encode(gray: gray, width: 37, height: 23))
        #expect(decodedGray == (try DecodedImage(width: 37, height: 23, channels: 1, pixels: gray)))
        let rgb = Self.noise(16 * 9 * 3)
        let decodedRGB = try ImageDecoder.decode(PNGWriter.encode(rgb: rgb, width: 16, height: 9))
        #expect(decodedRGB == (try DecodedImage(width: 16, height: 9, channels: 3, pixels: rgb)))
    }

    @Test func palettePNGBecomesRGB() throws {
        let image = try ImageDecoder.decode(Self.fixture("palette.png"))
        #expect(image.channels == 3 && image.width == 2 && image.height == 2)
        #expect(image.pixels == [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])
    }

    @Test func alphaIsCompositedOntoBlack() throws {
        let grayAlpha = try ImageDecoder.decode(Self.fixture("gray_alpha.png"))
        #expect(grayAlpha.channels == 1)
        #expect(grayAlpha.pixels == [200, 0])
        let rgba = try ImageDecoder.decode(Self.fixture("rgba.png"))
        #expect(rgba.channels == 3)
        #expect(rgba.pixels == [10, 20, 30, 0, 0, 0])
    }

    @Test func untagged16BitPNGIsReadAsSRGBNotLinear() throws {
        // Read as linear light, 0x8080 would become about 188.
        let image = try ImageDecoder.decode(Self.fixture("gray16.png"))
        #expect(image.channels == 1)
        #expect(image.pixels == [128, 255])
    }

    @Test func grayJPEGStaysGrayAndColourJPEGBecomesRGB() throws {
        let gray = try ImageDecoder.decode(Self.fixture("gray.jpg"))
        #expect(gray.channels == 1 && gray.width == 16 && gray.height == 8)
        for y in 0..<8 {
            #expect(abs(Int(gray.pixels[y * 16 + 2]) - 40) <= 3)
            #expect(abs(Int(gray.pixels[y * 16 + 12]) - 220) <= 3)
        }
        let rgb = try ImageDecoder.decode(Self.fixture("rgb.jpg"))
        #expect(rgb.channels == 3 && rgb.width == 16 && rgb.height == 8)
        let left = rgb.pixels[(3 * 16 + 2) * 3..<(3 * 16 + 2) * 3 + 3]
        let right = rgb.pixels[(3 * 16 + 12) * 3..<(3 * 16 + 12) * 3 + 3]
        for (value, expected) in zip(left + right, [200, 30, 30, 20, 40, 210]) {
            #expect(abs(Int(value) - expected) <= 3)
        }
    }

    /// A camera's EXIF orientation is applied: the stored 16×8 picture (red left, blue right)
    /// comes out as it should be shown.
    @Test func exifOrientationTurnsThePictureUpright() throws {
        let red = [200, 30, 30], blue = [20, 40, 210]
        func colour(_ image: DecodedImage, x: Int, y: Int) -> [Int] {
            let start = (y * image.width + x) * 3
            return image.pixels[start..<start + 3].map(Int.init)
        }
        func near(_ value: [Int], _ expected: [Int]) -> Bool { zip(value, expected).allSatisfy { abs($0 - $1) <= 3 } }
        let mirrored = try ImageDecoder.decode(Self.fixture("orientation2.jpg"))
        #expect(mirrored.width == 16 && mirrored.height == 8)
        #expect(near(colour(mirrored, x: 2, y: 3), blue) && near(colour(mirrored, x: 13, y: 3), red))
        let clockwise = try ImageDecoder.decode(Self.fixture("orientation6.jpg"))
        #expect(clockwise.width == 8 && clockwise.height == 16)
        #expect(near(colour(clockwise, x: 3, y: 2), red) && near(colour(clockwise, x: 3, y: 13), blue))
        let counterClockwise = try ImageDecoder.decode(Self.fixture("orientation8.jpg"))
        #expect(counterClockwise.width == 8 && counterClockwise.height == 16)
        #expect(near(colour(counterClockwise, x: 3, y: 2), blue) && near(colour(counterClockwise, x: 3, y: 13), red))
        // No tag: as stored.
        #expect(try ImageDecoder.decode(Self.fixture("rgb.jpg")).width == 16)
    }

    /// Every tag against the pixels of a 3×2 image with distinct values, worked by hand.
    @Test func everyOrientationMovesEachPixelWhereTheTagSays() throws {
        // a b c
        // d e f
        let stored = try DecodedImage(width: 3, height: 2, channels: 1, pixels: [1, 2, 3, 4, 5, 6])
        let expected: [Int: (width: Int, pixels: [UInt8])] = [
            1: (3, [1, 2, 3, 4, 5, 6]),
            2: (3, [3, 2, 1, 6, 5, 4]),
            3: (3, [6, 5, 4, 3, 2, 1]),
            4: (3, [4, 5, 6, 1, 2, 3]),
            5: (2, [1, 4, 2, 5, 3, 6]),
            6: (2, [4, 1, 5, 2, 6, 3]),
            7: (2, [6, 3, 5, 2, 4, 1]),
            8: (2, [3, 6, 2, 5, 1, 4]),
        ]
        for (tag, shown) in expected {
            let image = stored.oriented(exifOrientation: tag)
            #expect(image.width == shown.width && image.height == 6 / shown.width && image.pixels == shown.pixels,
                    "tag \(tag): \(image.pixels)")
        }
        #expect(stored.oriented(exifOrientation: 0) == stored && stored.oriented(exifOrientation: 9) == stored)
    }

    @Test func cmykJPEGIsRefusedWithAReason() throws {
        let bytes = try Self.fixture("cmyk.jpg")
        #expect { try ImageDecoder.decode(bytes) } throws: { error in
            "\(error)".contains("CMYK")
        }
    }

    @Test func truncatedEmptyAndForeignDataAreErrorsNotCrashes() throws {
        let png = try PNGWriter.encode(gray: Self.noise(64 * 64), width: 64, height: 64)
        let jpeg = try Self.fixture("rgb.jpg")
        let broken: [(String, [UInt8])] = [
            ("truncated PNG", Array(png.prefix(png.count / 2))),
            ("PNG signature only", Array(png.prefix(8))),
            ("truncated JPEG", Array(jpeg.prefix(jpeg.count / 2))),
            // Cut inside the scan: libjpeg only warns and fills the rest with gray.
            ("JPEG missing its last bytes", Array(jpeg.prefix(jpeg.count - 8))),
            ("JPEG header only", Array(jpeg.prefix(3))),
            ("empty", []),
            ("text", Array("not a picture\n".utf8)),
        ]
        for (name, bytes) in broken {
            #expect(throws: ImageError.self, "\(name)") { try ImageDecoder.decode(bytes) }
        }
        #expect(throws: ImageError.unrecognisedFormat) { try ImageDecoder.decode(Array("hello".utf8)) }
    }

    @Test func hugeSizesInAHeaderAreRefusedBeforeAllocating() throws {
        // PNG: IHDR says 100,000 × 100,000 (10 gigapixels); its CRC is fixed up so libpng accepts it.
        var png = try PNGWriter.encode(gray: [0], width: 1, height: 1)
        let side: [UInt8] = [0, 0x01, 0x86, 0xA0]
        png.replaceSubrange(16..<20, with: side)
        png.replaceSubrange(20..<24, with: side)
        let crc = PNGTestDecoder.crc32(Array(png[12..<29]))
        png.replaceSubrange(29..<33, with: withUnsafeBytes(of: crc.bigEndian, Array.init))
        #expect(throws: ImageError.tooLarge(width: 100_000, height: 100_000, limit: DecodedImage.maximumPixelCount)) {
            try ImageDecoder.decode(png)
        }

        // JPEG: the frame header (after FF C0, length, precision) says 60,000 × 60,000.
        var jpeg = try Self.fixture("rgb.jpg")
        let frame = try #require((0..<jpeg.count - 1).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        jpeg.replaceSubrange(frame + 5..<frame + 9, with: [0xEA, 0x60, 0xEA, 0x60])
        #expect(throws: ImageError.tooLarge(width: 60_000, height: 60_000, limit: DecodedImage.maximumPixelCount)) {
            try ImageDecoder.decode(jpeg)
        }
    }
}
