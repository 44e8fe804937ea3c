import Testing
@testable import SafeTensors

/// Decoding any mutation of a valid file either succeeds or throws `SafeTensorsError`: never
/// traps, hangs or allocates without bound. Seeded, so a failure reproduces.
@Suite struct MutationTests {
    @Test func tenThousandMutationsNeverCrash() throws {
        let valid = try SafeTensorsFile(
            tensors: [
                Tensor(name: "generator.0.weight", shape: [2, 3], values: [1, 2, 3, 4, 5, 6]),
                Tensor(name: "generator.0.bias", shape: [2], values: [-1, 0.5]),
                Tensor(name: "step", shape: [], values: [42]),
            ],
            metadata: ["format": "ganscope", "version": "1"]
        ).encoded()
        var random = SplitMix64(state: 0x5AFE_7E45)
        var succeeded = 0
        var rejected = 0
        for _ in 0..<10_000 {
            let mutated = mutate(valid, using: &random)
            if decodeError(mutated) == nil { succeeded += 1 } else { rejected += 1 }
        }
        #expect(succeeded + rejected == 10_000)
        #expect(rejected > 5_000)  // most mutations must be caught...
        #expect(succeeded > 0)  // ...while harmless ones (data bytes, padding) still decode
        print("mutation test: \(succeeded) decoded, \(rejected) rejected")
    }

    private func mutate(_ original: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = original
        let headerEnd = 8 + Int(bytes[0]) + 256 * Int(bytes[1])  // the valid header is < 64 KiB
        switch random.next() % 8 {
        case 0:  // flip a few random bytes anywhere
            for _ in 0...(random.next() % 4) {
                bytes[Int(random.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            }
        case 1:  // truncate
            bytes.removeLast(Int(random.next() % UInt64(bytes.count)) + 1)
        case 2:  // extend with junk
            bytes += (0..<Int(random.next() % 16 + 1)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        case 3:  // change a digit inside the header (shapes, offsets)
            let digits = (8..<headerEnd).filter { (48...57).contains(bytes[$0]) }
            if let index = digits.randomElement(using: &random) {
                bytes[index] = UInt8(48 + random.next() % 10)
            }
        case 4:  // replace a header byte with JSON punctuation
            let punctuation = Array("{}[],:\"\\-.e ".utf8)
            let index = 8 + Int(random.next() % UInt64(headerEnd - 8))
            bytes[index] = punctuation[Int(random.next() % UInt64(punctuation.count))]
        case 5:  // splice: move a random slice of the header elsewhere in the header
            let start = 8 + Int(random.next() % UInt64(headerEnd - 8))
            let length = Int(random.next() % 24)
            let slice = Array(bytes[start..<min(headerEnd, start + length)])
            let target = 8 + Int(random.next() % UInt64(headerEnd - 8))
            bytes.insert(contentsOf: slice, at: target)
            let newLength = UInt64(headerEnd - 8 + slice.count)
            if random.next() % 2 == 0 { bytes.replaceSubrange(0..<8, with: littleEndianBytes(newLength)) }
        case 6:  // huge or random header length
            let lengths: [UInt64] = [.max, 1 << 40, 100_000_001, 100_000_000, random.next() % 512, 0]
            bytes.replaceSubrange(0..<8, with: littleEndianBytes(lengths[Int(random.next() % 6)]))
        default:  // replace a number in the header with an extreme one
            let extremes = ["-1", "99999999999999999999", "9223372036854775807", "4611686018427387904",
                            "1e400", "0.5", "18446744073709551615"]
            let digits = (8..<headerEnd).filter { (48...57).contains(bytes[$0]) }
            if let index = digits.randomElement(using: &random) {
                let extreme = extremes[Int(random.next() % UInt64(extremes.count))]
                bytes.replaceSubrange(index...index, with: Array(extreme.utf8))
            }
        }
        return bytes
    }
}
