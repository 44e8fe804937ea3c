/// Reads protocol-buffer wire format field by field: just enough to decode the few TensorBoard
/// messages ganscope needs (see ``Event``), with unknown fields skipped by their wire type.
///
/// Written here rather than taken from swift-protobuf: that needs generated code for TensorFlow's
/// `.proto` files and a plugin at build time, for a dozen fields. Every length is checked
/// against the bytes left, so damaged input fails with ``ProtobufError``, never a trap.
///
/// ```swift
/// var reader = ProtobufReader(bytes)
/// while let field = try reader.nextField() {
///     switch (field.number, field.wireType) {
///     case (2, .varint): step = try reader.readVarint()
///     default: try reader.skip(field.wireType)
///     }
/// }
/// ```
struct ProtobufReader {
    enum WireType: UInt8 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, startGroup = 3, endGroup = 4, fixed32 = 5
    }

    struct Field {
        let number: Int
        let wireType: WireType
    }

    private let bytes: [UInt8]
    private var position: Int
    private let end: Int

    init(_ bytes: [UInt8]) { self.init(bytes, range: bytes.indices) }

    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    /// The next field's key, nil at the end of the message.
    mutating func nextField() throws(ProtobufError) -> Field? {
        guard position < end else { return nil }
        let key = try readVarint()
        let number = key >> 3
        guard number > 0, number <= 536_870_911 else { throw .badFieldNumber(key) }
        guard let wireType = WireType(rawValue: UInt8(key & 7)) else { throw .badWireType(UInt8(key & 7)) }
        return Field(number: Int(number), wireType: wireType)
    }

    mutating func readVarint() throws(ProtobufError) -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 70, by: 7) {
            guard position < end else { throw .truncated }
            let byte = bytes[position]
            position += 1
            // The tenth byte may only carry the top bit of a 64-bit value.
            guard shift < 63 || byte <= 1 else { throw .varintTooLong }
            value |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte & 0x80 == 0 { return value }
        }
        throw .varintTooLong
    }

    mutating func readFixed64() throws(ProtobufError) -> UInt64 {
        let range = try take(8)
        return range.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[$1]) }
    }

    mutating func readFixed32() throws(ProtobufError) -> UInt32 {
        let range = try take(4)
        return range.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[$1]) }
    }

    mutating func readDouble() throws(ProtobufError) -> Double { Double(bitPattern: try readFixed64()) }

    mutating func readFloat() throws(ProtobufError) -> Float { Float(bitPattern: try readFixed32()) }

    /// A length-delimited field's bytes, as a range of the buffer (for a nested reader).
    mutating func readLengthDelimited() throws(ProtobufError) -> Range<Int> {
        let length = try readVarint()
        guard length <= UInt64(end - position) else { throw .truncated }
        return try take(Int(length))
    }

    mutating func readBytes() throws(ProtobufError) -> [UInt8] { Array(bytes[try readLengthDelimited()]) }

    mutating func readString() throws(ProtobufError) -> String {
        String(decoding: bytes[try readLengthDelimited()], as: UTF8.self)
    }

    /// A reader over a nested message's bytes.
    mutating func readMessage() throws(ProtobufError) -> ProtobufReader {
        ProtobufReader(bytes, range: try readLengthDelimited())
    }

    /// Skips the value of a field this decoder does not use.
    mutating func skip(_ wireType: WireType) throws(ProtobufError) {
        switch wireType {
        case .varint: _ = try readVarint()
        case .fixed64: _ = try take(8)
        case .fixed32: _ = try take(4)
        case .lengthDelimited: _ = try readLengthDelimited()
        // Groups are deprecated and appear in no TensorBoard message.
        case .startGroup, .endGroup: throw .badWireType(wireType.rawValue)
        }
    }

    /// Values of a repeated 32- or 64-bit field, packed (one length-delimited run) or not.
    mutating func readRepeated<T>(_ wireType: WireType, width: Int, as convert: (UInt64) -> T)
        throws(ProtobufError) -> [T]
    {
        switch (wireType, width) {
        case (.fixed32, 4): return [convert(UInt64(try readFixed32()))]
        case (.fixed64, 8): return [convert(try readFixed64())]
        case (.lengthDelimited, _):
            var packed = try readMessage()
            var values: [T] = []
            while packed.position < packed.end {
                values.append(convert(width == 4 ? UInt64(try packed.readFixed32()) : try packed.readFixed64()))
            }
            return values
        default: throw .unexpectedWireType(wireType.rawValue)
        }
    }

    private mutating func take(_ count: Int) throws(ProtobufError) -> Range<Int> {
        guard count <= end - position else { throw .truncated }
        defer { position += count }
        return position..<(position + count)
    }
}

/// Why bytes are not a valid protocol-buffer message.
public enum ProtobufError: Error, Equatable, CustomStringConvertible {
    case truncated
    case varintTooLong
    case badFieldNumber(UInt64)
    case badWireType(UInt8)
    case unexpectedWireType(UInt8)

    public var description: String {
        switch self {
        case .truncated: "a field runs past the end of its message"
        case .varintTooLong: "a number is longer than 64 bits"
        case .badFieldNumber(let key): "field key \(key) has no valid field number"
        case .badWireType(let type): "wire type \(type) is not used by these messages"
        case .unexpectedWireType(let type): "wire type \(type) does not fit its field"
        }
    }
}
