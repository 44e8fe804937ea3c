import CZlib

/// PNG chunks (PNG specification, section 5): reading them with every CRC checked, and adding
/// text chunks to a PNG that libpng's simplified writer made (that API writes no text chunks;
/// its full API would need setjmp error handling, which Swift cannot call).
public enum PNGChunks {
    public struct Chunk: Sendable, Equatable {
        /// Four ASCII letters, e.g. "IHDR".
        public let type: String
        public let data: [UInt8]
    }

    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Every chunk of `bytes`, in order; throws on a bad signature, a truncated chunk or a CRC
    /// that does not match.
    public static func read(_ bytes: [UInt8]) throws(ImageError) -> [Chunk] {
        guard bytes.starts(with: signature) else { throw .unrecognisedFormat }
        var chunks: [Chunk] = []
        var offset = signature.count
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw .decoderFailed(format: "PNG", message: "truncated chunk header") }
            let length = Int(bigEndian32(bytes, at: offset))
            guard length <= bytes.count - offset - 12 else { throw .decoderFailed(format: "PNG", message: "truncated chunk") }
            let typeAndData = bytes[(offset + 4)..<(offset + 8 + length)]
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            guard crc(typeAndData) == bigEndian32(bytes, at: offset + 8 + length) else {
                throw .decoderFailed(format: "PNG", message: "CRC mismatch in chunk \(type)")
            }
            chunks.append(Chunk(type: type, data: Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        return chunks
    }

    /// `png` with `chunks` inserted right after IHDR (so before the first IDAT, where XMP
    /// readers look for metadata).
    static func inserting(_ chunks: [Chunk], into png: [UInt8]) throws(ImageError) -> [UInt8] {
        // IHDR is always the first chunk: 8 signature bytes, then 4 + 4 + 13 + 4.
        let afterHeader = signature.count + 25
        guard png.count > afterHeader, String(decoding: png[12..<16], as: UTF8.self) == "IHDR" else {
            throw .encoderFailed("libpng's output does not start with IHDR")
        }
        return Array(png[..<afterHeader]) + chunks.flatMap(encode) + png[afterHeader...]
    }

    /// The bytes of one chunk: length, type, data, CRC-32 of type and data.
    static func encode(_ chunk: Chunk) -> [UInt8] {
        let typeAndData = Array(chunk.type.utf8) + chunk.data
        return bigEndianBytes(UInt32(chunk.data.count)) + typeAndData + bigEndianBytes(crc(typeAndData[...]))
    }

    /// A `tEXt` chunk: Latin-1 keyword, NUL, Latin-1 text.
    static func text(keyword: String, _ text: String) -> Chunk {
        Chunk(type: "tEXt", data: ImageProvenance.latin1(keyword) + [0] + ImageProvenance.latin1(text))
    }

    /// An uncompressed `iTXt` chunk: keyword, NUL, compression flag 0, method 0, empty language
    /// tag and translated keyword (each NUL-terminated), UTF-8 text.
    static func internationalText(keyword: String, _ text: String) -> Chunk {
        Chunk(type: "iTXt", data: ImageProvenance.latin1(keyword) + [0, 0, 0, 0, 0] + Array(text.utf8))
    }

    /// Keyword and text of an uncompressed `iTXt` chunk's data; nil if malformed or compressed.
    static func internationalText(_ data: [UInt8]) -> (keyword: String, text: String)? {
        guard let keywordEnd = data.firstIndex(of: 0), keywordEnd + 2 < data.count,
              data[keywordEnd + 1] == 0 else { return nil }
        var rest = data[(keywordEnd + 3)...]
        for _ in 0..<2 {  // language tag, translated keyword
            guard let end = rest.firstIndex(of: 0) else { return nil }
            rest = rest[(end + 1)...]
        }
        return (String(decoding: data[..<keywordEnd], as: UTF8.self), String(decoding: rest, as: UTF8.self))
    }

    private static func crc(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(crc32(crc32(0, nil, 0), buffer.baseAddress, uInt(buffer.count)))
        }
    }

    private static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func bigEndianBytes(_ value: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
    }
}
