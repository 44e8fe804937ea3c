import Testing
@testable import SafeTensors

@Suite struct EncodingTests {
    @Test func exactBytesOfATinyFile() throws {
        let file = try SafeTensorsFile(tensors: [Tensor(name: "a", shape: [2], values: [1, -2])])
        // Written by hand from the specification: 54 header bytes padded to 56 with two spaces.
        let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}  "#
        let expected: [UInt8] = [56, 0, 0, 0, 0, 0, 0, 0] + Array(header.utf8)
            + [0x00, 0x00, 0x80, 0x3F]  // 1.0
            + [0x00, 0x00, 0x00, 0xC0]  // -2.0
        #expect(file.encoded() == expected)
    }

    @Test func exactBytesWithMetadataAndScalar() throws {
        let file = try SafeTensorsFile(tensors: [Tensor(name: "b", shape: [], values: [7])],
                                       metadata: ["step": "7"])
        let header = #"{"__metadata__":{"step":"7"},"b":{"dtype":"F32","shape":[],"data_offsets":[0,4]}}"#
            + String(repeating: " ", count: 7)
        let expected: [UInt8] = [88, 0, 0, 0, 0, 0, 0, 0] + Array(header.utf8) + [0x00, 0x00, 0xE0, 0x40]
        #expect(file.encoded() == expected)
    }

    @Test(arguments: 0..<9)
    func headerIsPaddedToAMultipleOfEight(nameLength: Int) throws {
        let name = String(repeating: "n", count: nameLength + 1)
        let bytes = try SafeTensorsFile(tensors: [Tensor(name: name, shape: [1], values: [3])]).encoded()
        let headerLength = Int(bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        #expect((8 + headerLength) % 8 == 0)
        #expect(bytes.count == 8 + headerLength + 4)
    }

    @Test func roundTripIsBitIdentical() throws {
        let special: [Float] = [0, -0.0, 1, -1, .pi, .infinity, -.infinity, .leastNonzeroMagnitude,
                                -.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
                                Float(bitPattern: 0x0000_1234), .ulpOfOne]
        var random = SplitMix64(state: 7)
        let weights = (0..<(3 * 5)).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: random.next())) }
            .map { $0.isNaN ? 0 : $0 }
        let original = try SafeTensorsFile(
            tensors: [
                Tensor(name: "generator.0.weight", shape: [3, 5], values: weights),
                Tensor(name: "special", shape: [special.count], values: special),
                Tensor(name: "step", shape: [], values: [1200]),
                Tensor(name: "empty", shape: [0, 4], values: []),
                Tensor(name: "naïve \"quoted\"\n\u{1}", shape: [1, 1, 1], values: [2]),
            ],
            metadata: ["format": "ganscope", "config": #"{"lr": 0.0002, "beta": [0.5, 0.999]}"#, "ü": "\t"])
        let decoded = try SafeTensorsFile.decode(original.encoded(), source: "mem")
        #expect(decoded == original)
        for (a, b) in zip(decoded.tensors, original.tensors) {
            #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern))
        }
        #expect(decoded.tensor(named: "step")?.values == [1200])
        #expect(decoded.tensor(named: "missing") == nil)
    }

    @Test func emptyFileRoundTrips() throws {
        let file = try SafeTensorsFile(tensors: [])
        #expect(file.encoded() == makeFile(header: "{}"))
        #expect(try SafeTensorsFile.decode(file.encoded(), source: "e") == file)
    }

    @Test func tensorConstructionIsValidated() {
        #expect(throws: TensorError.countMismatch(name: "w", shape: [2, 3], expected: 6, count: 5)) {
            try Tensor(name: "w", shape: [2, 3], values: [1, 2, 3, 4, 5])
        }
        #expect(throws: TensorError.negativeDimension(name: "w", shape: [-1])) {
            try Tensor(name: "w", shape: [-1], values: [])
        }
        #expect(throws: TensorError.shapeTooLarge(name: "w", shape: [1 << 40, 1 << 40])) {
            try Tensor(name: "w", shape: [1 << 40, 1 << 40], values: [])
        }
    }

    @Test func fileConstructionRejectsDuplicateAndReservedNames() throws {
        let a = try Tensor(name: "a", shape: [], values: [1])
        #expect(throws: TensorError.duplicateName("a")) { try SafeTensorsFile(tensors: [a, a]) }
        let reserved = try Tensor(name: "__metadata__", shape: [], values: [1])
        #expect(throws: TensorError.reservedName) { try SafeTensorsFile(tensors: [reserved]) }
    }

    @Test func decodedTensorsFollowDataOrderNotHeaderOrder() throws {
        let header = #"{"second":{"dtype":"F32","shape":[1],"data_offsets":[4,8]},"#
            + #""first":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        let file = try SafeTensorsFile.decode(makeFile(header: header, data: floatBytes([1, 2])), source: "o")
        #expect(file.tensors.map(\.name) == ["first", "second"])
        #expect(file.tensors.map(\.values) == [[1], [2]])
    }

    @Test func acceptsUnpaddedHeaderAndJSONEscapes() throws {
        let header = #"{"\u00e9\ud83d\ude00":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        let file = try SafeTensorsFile.decode(makeFile(header: header, data: floatBytes([5]), pad: false),
                                              source: "u")
        #expect(file.tensors.first?.name == "é😀")
    }
}
