/// TFRecord framing, the container of TensorBoard event files. Each record is
///
///     u64 length (little-endian) · u32 masked CRC-32C of those 8 bytes · data · u32 masked CRC-32C of data
///
/// ``frame(_:)`` writes one; ``next(in:at:)`` reads the record that starts at an offset and says
/// precisely what is wrong when it cannot, so a reader can tell "still being written" from damage.
public enum TFRecord {
    /// Bytes around the data: the length, its CRC and the data's CRC.
    public static let headerSize = 12
    public static let footerSize = 4

    /// The longest record accepted (64 MiB, far above any event PyTorch writes: a 1024×1024 RGB
    /// PNG is about 3 MB). A longer length is taken as damage, so a reader never waits for, or
    /// allocates, gigabytes because of one bad field.
    public static let maximumLength = 64 << 20

    /// What starts at an offset of a byte buffer.
    public enum Next: Equatable, Sendable {
        /// A whole record whose checksums match: its data, and the offset after it.
        case record(data: Range<Int>, end: Int)
        /// The bytes end inside the record (not damage while the file grows).
        case incomplete
        /// The length's checksum does not match: nothing after this point can be framed.
        case badLengthChecksum
        /// The length is checked but over ``maximumLength``.
        case tooLong(length: UInt64)
        /// The length is sound but the data's checksum does not match: the record is lost, the
        /// next one starts at `end`.
        case badDataChecksum(end: Int)
    }

    /// Frames `data` as one record.
    public static func frame(_ data: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(headerSize + data.count + footerSize)
        let length = littleEndianBytes(UInt64(data.count))
        bytes += length
        bytes += littleEndianBytes(CRC32C.masked(CRC32C.checksum(length)))
        bytes += data
        bytes += littleEndianBytes(CRC32C.masked(CRC32C.checksum(data)))
        return bytes
    }

    /// Reads the record that starts at `offset` of `bytes`.
    public static func next(in bytes: UnsafeRawBufferPointer, at offset: Int) -> Next {
        let available = bytes.count - offset
        guard offset >= 0, available >= headerSize else { return .incomplete }
        let lengthBytes = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 8)])
        guard CRC32C.masked(CRC32C.checksum(lengthBytes)) == readUInt32(bytes, at: offset + 8) else {
            return .badLengthChecksum
        }
        let length = readUInt64(bytes, at: offset)
        guard length <= UInt64(maximumLength) else { return .tooLong(length: length) }
        let dataStart = offset + headerSize
        let end = dataStart + Int(length) + footerSize
        guard end <= bytes.count else { return .incomplete }
        let data = dataStart..<(dataStart + Int(length))
        let stored = readUInt32(bytes, at: data.upperBound)
        guard CRC32C.masked(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[data]))) == stored else {
            return .badDataChecksum(end: end)
        }
        return .record(data: data, end: end)
    }

    private static func readUInt64(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }

    private static func readUInt32(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    private static func littleEndianBytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
