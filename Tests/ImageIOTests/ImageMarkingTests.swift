import Testing
@testable import ImageIO

/// The AI-generated marking: read back with the test's own strict chunk reader (its own CRC-32,
/// not zlib's), the chunks must be well-formed and in order, and carry the IPTC URI.
@Suite struct ImageMarkingTests {
    static let mark = ImageProvenance(creatorTool: "ganscope 9.9.9",
                                      description: "checkpoint run-000100.safetensors (SHA-256 ab12), step 100, seed 7 <&>")
    static let image = PixelImage(width: 3, height: 2, channels: 1, pixels: [0, 50, 100, 150, 200, 255])

    @Test func markedPNGHasXMPAndTextChunksBeforeTheImageData() throws {
        let png = try PNGWriter.encode(Self.image, provenance: Self.mark)
        let chunks = try PNGTestDecoder.readChunks(png)  // checks every CRC
        let types = chunks.map(\.type)
        #expect(types.first == "IHDR")
        #expect(types.last == "IEND")
        let firstData = try #require(types.firstIndex(of: "IDAT"))
        let xmpIndex = try #require(types.firstIndex(of: "iTXt"))
        #expect(xmpIndex < firstData)
        #expect(types.indices.filter { types[$0] == "tEXt" }.allSatisfy { $0 < firstData })

        // iTXt: keyword, NUL, compression flag 0, method 0, empty language, empty translated keyword.
        let xmp = chunks[xmpIndex].data
        let keyword = Array("XML:com.adobe.xmp".utf8)
        #expect(Array(xmp.prefix(keyword.count)) == keyword)
        #expect(Array(xmp[keyword.count..<(keyword.count + 5)]) == [0, 0, 0, 0, 0])
        let packet = String(decoding: xmp.dropFirst(keyword.count + 5), as: UTF8.self)
        #expect(packet.contains("<Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia</Iptc4xmpExt:DigitalSourceType>"))
        #expect(packet.contains("xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\""))
        #expect(packet.contains("<xmp:CreatorTool>ganscope 9.9.9</xmp:CreatorTool>"))
        #expect(packet.contains("run-000100.safetensors (SHA-256 ab12), step 100, seed 7 &lt;&amp;&gt;"))

        let texts = chunks.filter { $0.type == "tEXt" }.map { String(decoding: $0.data, as: UTF8.self) }
        #expect(texts.contains("Software\0ganscope 9.9.9"))
        #expect(texts.contains { $0.hasPrefix("Comment\0AI-generated image") && $0.contains("trainedAlgorithmicMedia") })
        #expect(ImageProvenance.isMarked(png: png))
    }

    @Test(.enabled(if: PNGTestDecoder.pythonAvailable, "python3 inflates the image data"))
    func markedPNGStillDecodesToTheSamePixels() throws {
        let png = try PNGWriter.encode(Self.image, provenance: Self.mark)
        #expect(try PNGTestDecoder.decode(png).pixels == Self.image.pixels)
        #expect(try ImageDecoder.decode(png).pixels == Self.image.pixels)
    }

    @Test func unmarkedStrippedOrCorruptPNGsReadAsUnmarked() throws {
        #expect(!ImageProvenance.isMarked(png: try PNGWriter.encode(Self.image)))
        let marked = try PNGWriter.encode(Self.image, provenance: Self.mark)
        // A flipped byte inside the XMP text breaks its CRC: the marking cannot be trusted.
        var corrupt = marked
        let uri = Array("trainedAlgorithmicMedia".utf8)
        let at = try #require(marked.indices.first { Array(marked[$0...].prefix(uri.count)) == uri })
        corrupt[at] ^= 0x20
        #expect(!ImageProvenance.isMarked(png: corrupt))
        #expect(throws: ImageError.self) { try PNGChunks.read(corrupt) }
        #expect(throws: ImageError.self) { try PNGChunks.read(Array(marked.prefix(40))) }
        #expect(!ImageProvenance.isMarked(png: [1, 2, 3]))
    }

    @Test func pgmCarriesTheMarkingInCommentLines() throws {
        let pgm = try PGMWriter.encode(gray: Self.image.pixels, width: 3, height: 2, provenance: Self.mark)
        let header = String(decoding: pgm.dropLast(6), as: UTF8.self)
        let lines = header.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "P5")
        #expect(lines[1].hasPrefix("# AI-generated image") && lines[1].contains(ImageProvenance.digitalSourceType))
        #expect(lines[1].contains("step 100, seed 7"))
        #expect(lines[2] == "# Software: ganscope 9.9.9")
        #expect(lines[3] == "3 2" && lines[4] == "255")
        #expect(Array(pgm.suffix(6)) == Self.image.pixels)
    }
}
