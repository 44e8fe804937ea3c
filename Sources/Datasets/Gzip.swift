import CZlib

/// gzip compression and decompression of whole byte arrays, through zlib.
///
/// IDX loading inflates `.gz` files with it; ``compress(_:)`` exists for tests and tools that
/// write gzip fixtures, since only this module reaches zlib.
public enum Gzip {
    /// Why inflating or deflating failed, in zlib's words.
    public struct Failure: Error, Equatable {
        public let reason: String
    }

    /// True when `bytes` start with the gzip magic number 1f 8b (the extension is not trusted).
    public static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// Inflates gzip data (one or more concatenated members, as `cat a.gz b.gz` makes).
    public static func decompress(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: the largest window, and accept a gzip or zlib header automatically.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(reason: "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }

        var output = [UInt8]()
        output.reserveCapacity(expectedSize(of: bytes))
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var input = bytes  // zlib's next_in is not const-qualified, so it needs a mutable buffer
        try input.withUnsafeMutableBufferPointer { (inputBuffer) throws(Failure) in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputBuffer.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                switch status {
                case Z_STREAM_END:
                    // Another member may follow; trailing zero padding is tolerated, as gunzip does.
                    let rest = UnsafeBufferPointer(start: stream.next_in, count: Int(stream.avail_in))
                    guard rest.contains(where: { $0 != 0 }) else { return }
                    inflateReset(&stream)
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw Failure(reason: "unexpected end of data, the file is truncated")
                default:
                    throw Failure(reason: message(of: stream, status: status))
                }
            }
        }
        return output
    }

    /// Deflates `bytes` into a single gzip member at the default compression level.
    public static func compress(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: the largest window, with a gzip (not zlib) header and trailer.
        let status = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                                   Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw Failure(reason: "zlib could not start deflating") }
        defer { deflateEnd(&stream) }

        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        let result = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END else { throw Failure(reason: message(of: stream, status: result)) }
        output.removeLast(Int(stream.avail_out))
        return output
    }

    /// The uncompressed size the gzip trailer records (modulo 2³²), capped so a corrupt
    /// trailer cannot make us reserve gigabytes up front.
    private static func expectedSize(of bytes: [UInt8]) -> Int {
        guard bytes.count >= 4 else { return 0 }
        let size = bytes.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        return min(size, 1 << 28)
    }

    private static func message(of stream: z_stream, status: Int32) -> String {
        guard let text = stream.msg else { return "zlib status \(status)" }
        return String(cString: text)
    }
}
