/// Builds protocol-buffer wire format field by field, for the events ``EventFileWriter`` writes
/// (the counterpart of ``ProtobufReader``).
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    mutating func varint(_ field: Int, _ value: UInt64) {
        key(field, wireType: .varint)
        appendVarint(value)
    }

    mutating func double(_ field: Int, _ value: Double) {
        key(field, wireType: .fixed64)
        let bits = value.bitPattern
        bytes += (0..<8).map { UInt8(truncatingIfNeeded: bits >> (8 * $0)) }
    }

    mutating func float(_ field: Int, _ value: Float) {
        key(field, wireType: .fixed32)
        let bits = value.bitPattern
        bytes += (0..<4).map { UInt8(truncatingIfNeeded: bits >> (8 * $0)) }
    }

    mutating func bytes(_ field: Int, _ value: [UInt8]) {
        key(field, wireType: .lengthDelimited)
        appendVarint(UInt64(value.count))
        bytes += value
    }

    mutating func string(_ field: Int, _ value: String) { bytes(field, Array(value.utf8)) }

    mutating func message(_ field: Int, _ build: (inout ProtobufWriter) -> Void) {
        var nested = ProtobufWriter()
        build(&nested)
        bytes(field, nested.bytes)
    }

    private mutating func key(_ field: Int, wireType: ProtobufReader.WireType) {
        appendVarint(UInt64(field) << 3 | UInt64(wireType.rawValue))
    }

    private mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}
