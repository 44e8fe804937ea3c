import Foundation

/// An independent PNG reader for tests: checks the signature and every chunk's CRC-32 (computed
/// here), inflates IDAT with Python's zlib, and undoes the five PNG row filters.
///
/// Handles only what our writer produces: 8-bit, non-interlaced grayscale or RGB.
struct PNGTestDecoder {
    struct Chunk {
        let type: String
        let data: [UInt8]
    }

    struct Image {
        let width: Int
        let height: Int
        let channels: Int
        let pixels: [UInt8]
        let chunkTypes: [String]
    }

    enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        case python(String)

        var description: String {
            switch self {
            case .malformed(let problem): "not a valid PNG: \(problem)"
            case .python(let problem): "python3 inflate failed: \(problem)"
            }
        }
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Whether `python3` can be run (needed to inflate the image data).
    static let pythonAvailable: Bool = (try? runPython("print(1)", input: [])) != nil

    static func decode(_ bytes: [UInt8]) throws -> Image {
        let chunks = try readChunks(bytes)
        guard let header = chunks.first, header.type == "IHDR", header.data.count == 13 else {
            throw Failure.malformed("first chunk must be a 13-byte IHDR")
        }
        guard chunks.last?.type == "IEND" else { throw Failure.malformed("last chunk must be IEND") }
        let width = Int(bigEndian32(header.data, at: 0))
        let height = Int(bigEndian32(header.data, at: 4))
        let (bitDepth, colorType) = (header.data[8], header.data[9])
        let (compression, filter, interlace) = (header.data[10], header.data[11], header.data[12])
        guard bitDepth == 8, compression == 0, filter == 0, interlace == 0 else {
            throw Failure.malformed("unsupported IHDR \(header.data)")
        }
        let channels: Int
        switch colorType {
        case 0: channels = 1
        case 2: channels = 3
        default: throw Failure.malformed("unsupported colour type \(colorType)")
        }
        let compressed = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
        let raw = try runPython(
            "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(open(sys.argv[1], 'rb').read()))",
            input: compressed)
        let pixels = try unfilter(raw, width: width, height: height, bytesPerPixel: channels)
        return Image(width: width, height: height, channels: channels, pixels: pixels,
                     chunkTypes: chunks.map(\.type))
    }

    static func readChunks(_ bytes: [UInt8]) throws -> [Chunk] {
        guard bytes.starts(with: signature) else { throw Failure.malformed("bad signature") }
        var chunks: [Chunk] = []
        var offset = 8
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Failure.malformed("truncated chunk header") }
            let length = Int(bigEndian32(bytes, at: offset))
            guard offset + 12 + length <= bytes.count else { throw Failure.malformed("truncated chunk") }
            let typeAndData = Array(bytes[(offset + 4)..<(offset + 8 + length)])
            let stored = bigEndian32(bytes, at: offset + 8 + length)
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            guard crc32(typeAndData) == stored else { throw Failure.malformed("CRC mismatch in \(type)") }
            chunks.append(Chunk(type: type, data: Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        return chunks
    }

    /// CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320), bit by bit: slow but obviously right.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }

    /// Reverses the per-row filters (PNG spec section 9) into plain pixel bytes.
    static func unfilter(_ data: [UInt8], width: Int, height: Int, bytesPerPixel bpp: Int) throws -> [UInt8] {
        let stride = width * bpp
        guard data.count == height * (stride + 1) else {
            throw Failure.malformed("inflated \(data.count) bytes, expected \(height * (stride + 1))")
        }
        var output = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let filter = data[row * (stride + 1)]
            for column in 0..<stride {
                let x = data[row * (stride + 1) + 1 + column]
                let a = column >= bpp ? output[row * stride + column - bpp] : 0
                let b = row > 0 ? output[(row - 1) * stride + column] : 0
                let c = row > 0 && column >= bpp ? output[(row - 1) * stride + column - bpp] : 0
                let predictor: UInt8
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = UInt8((Int(a) + Int(b)) / 2)
                case 4: predictor = paeth(a, b, c)
                default: throw Failure.malformed("unknown filter type \(filter) on row \(row)")
                }
                output[row * stride + column] = x &+ predictor
            }
        }
        return output
    }

    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let (pa, pb, pc) = (abs(p - Int(a)), abs(p - Int(b)), abs(p - Int(c)))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    private static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Runs `python3 -c script inputFile` and returns its standard output.
    @discardableResult
    static func runPython(_ script: String, input: [UInt8]) throws -> [UInt8] {
        let inputPath = NSTemporaryDirectory() + "/png-test-\(UInt64.random(in: 0 ... .max)).bin"
        guard FileManager.default.createFile(atPath: inputPath, contents: Data(input)) else {
            throw Failure.python("cannot create \(inputPath)")
        }
        defer { try? FileManager.default.removeItem(atPath: inputPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, inputPath]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.python("exit status \(process.terminationStatus)") }
        return Array(data)
    }
}
