@testable import SafeTensors

/// Builds a file from a header text (padded to 8 bytes like our writer) and a data buffer.
func makeFile(header: String, data: [UInt8] = [], pad: Bool = true) -> [UInt8] {
    var headerBytes = Array(header.utf8)
    if pad {
        headerBytes += Array(repeating: UInt8(ascii: " "), count: (8 - headerBytes.count % 8) % 8)
    }
    return littleEndianBytes(UInt64(headerBytes.count)) + headerBytes + data
}

func littleEndianBytes(_ value: UInt64) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
}

func floatBytes(_ values: [Float]) -> [UInt8] {
    values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) } }
}

/// The error `decode` throws for `bytes`, or `nil` if it succeeds.
func decodeError(_ bytes: [UInt8], source: String = "t.safetensors") -> SafeTensorsError? {
    do {
        _ = try SafeTensorsFile.decode(bytes, source: source)
        return nil
    } catch {
        return error
    }
}

/// SplitMix64: a tiny seeded generator so the mutation test is reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
