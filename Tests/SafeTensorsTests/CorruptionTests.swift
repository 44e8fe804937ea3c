import Testing
@testable import SafeTensors

/// Each malformed input gives its own error, and every message is one line naming the file.
@Suite struct CorruptionTests {
    private let entry = #""dtype":"F32","shape":[1],"data_offsets":[0,4]"#

    private func expectError(
        _ bytes: [UInt8], _ matches: (SafeTensorsError) -> Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = decodeError(bytes, source: "checkpoints/x.safetensors")
        #expect(error.map(matches) == true, "got \(String(describing: error))", sourceLocation: sourceLocation)
        if let message = error?.description {
            #expect(message.hasPrefix("checkpoints/x.safetensors: "), sourceLocation: sourceLocation)
            #expect(!message.contains("\n"), sourceLocation: sourceLocation)
        }
    }

    @Test func fileShorterThanEightBytes() {
        for size in 0..<8 {
            expectError(Array(repeating: 0, count: size)) { $0 == .fileTooShort(source: "checkpoints/x.safetensors", size: size) }
        }
    }

    @Test func headerLengthOverLimit() {
        let bytes = littleEndianBytes(1 << 40) + Array("{}".utf8)
        expectError(bytes) { $0 == .headerTooLarge(source: "checkpoints/x.safetensors", length: 1 << 40) }
        #expect(decodeError(bytes)?.description.contains("exceeds the 100 MB limit") == true)
        expectError(littleEndianBytes(.max)) { if case .headerTooLarge = $0 { true } else { false } }
    }

    @Test func headerLengthBeyondFile() {
        expectError(littleEndianBytes(100) + Array("{}".utf8)) {
            $0 == .headerBeyondFile(source: "checkpoints/x.safetensors", length: 100, available: 2)
        }
    }

    @Test func headerNotUTF8() {
        expectError(littleEndianBytes(4) + [0x7B, 0xFF, 0xFE, 0x7D]) { $0 == .headerNotUTF8(source: "checkpoints/x.safetensors") }
    }

    @Test(arguments: ["", "{", "{\"a\" 1}", "{\"a\":tru}", "{\"a\":01}", "{\"a\":\"\u{1}\"}", "{} x",
                      "{\"a\":\"\\q\"}", "{\"a\":\"\\ud800\"}"])
    func headerNotJSON(header: String) {
        expectError(makeFile(header: header)) { if case .headerNotJSON = $0 { true } else { false } }
    }

    @Test func deeplyNestedHeaderIsRejectedWithoutStackOverflow() {
        let header = "{\"a\":" + String(repeating: "[", count: 100_000)
        expectError(makeFile(header: header)) { if case .headerNotJSON = $0 { true } else { false } }
    }

    @Test(arguments: ["[]", "3", "\"x\"", "null", " {}"])
    func headerNotObject(header: String) {
        expectError(makeFile(header: header)) { if case .headerNotObject = $0 { true } else { false } }
    }

    @Test(arguments: [#"{"__metadata__":{"step":7}}"#, #"{"__metadata__":[]}"#,
                      #"{"__metadata__":{"a":"1","a":"2"}}"#, #"{"__metadata__":{"a":null}}"#])
    func metadataNotStringToString(header: String) {
        expectError(makeFile(header: header)) { if case .invalidMetadata = $0 { true } else { false } }
    }

    @Test func unsupportedDType() {
        let header = #"{"w":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}"#
        expectError(makeFile(header: header, data: [0, 0, 0, 0])) {
            $0 == .unsupportedDType(source: "checkpoints/x.safetensors", name: "w", dtype: "F16")
        }
    }

    @Test(arguments: [#"{"w":[]}"#, #"{"w":{"shape":[1],"data_offsets":[0,4]}}"#,
                      #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"extra":1}}"#,
                      #"{"w":{"dtype":"F32","dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#,
                      #"{"w":{"dtype":32,"shape":[1],"data_offsets":[0,4]}}"#])
    func malformedEntry(header: String) {
        expectError(makeFile(header: header, data: [0, 0, 0, 0])) { if case .invalidEntry = $0 { true } else { false } }
    }

    @Test(arguments: ["[-1]", "[1.5]", "[\"1\"]", "{}", "[1e0]", "[99999999999999999999]",
                      "[4294967296,4294967296]", "[2305843009213693952]", "[-99999999999999999999]"])
    func invalidShape(shape: String) {
        let header = #"{"w":{"dtype":"F32","shape":\#(shape),"data_offsets":[0,4]}}"#
        expectError(makeFile(header: header, data: [0, 0, 0, 0])) { if case .invalidShape = $0 { true } else { false } }
    }

    @Test(arguments: ["[0]", "[0,4,8]", "\"0,4\"", "[0,\"4\"]", "[-4,0]", "[8,4]", "[0,4.0]",
                      "[0,99999999999999999999]"])
    func invalidOffsets(offsets: String) {
        let header = #"{"w":{"dtype":"F32","shape":[1],"data_offsets":\#(offsets)}}"#
        expectError(makeFile(header: header, data: [0, 0, 0, 0])) { if case .invalidOffsets = $0 { true } else { false } }
    }

    @Test func sizeDoesNotMatchShape() {
        let header = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#
        expectError(makeFile(header: header, data: [0, 0, 0, 0])) {
            $0 == .sizeMismatch(source: "checkpoints/x.safetensors", name: "w", shape: [2],
                                expectedBytes: 8, actualBytes: 4)
        }
    }

    @Test func offsetsOutOfRange() {
        let header = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        expectError(makeFile(header: header, data: [0, 0, 0, 0])) {
            $0 == .offsetsOutOfRange(source: "checkpoints/x.safetensors", name: "w", end: 8, bufferSize: 4)
        }
    }

    @Test func overlappingRanges() {
        let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"#
            + #""b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#
        expectError(makeFile(header: header, data: Array(repeating: 0, count: 8))) {
            $0 == .overlap(source: "checkpoints/x.safetensors", name: "b", begin: 4, previousName: "a", previousEnd: 8)
        }
    }

    @Test func gapBetweenRanges() {
        let header = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"#
            + #""b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#
        expectError(makeFile(header: header, data: Array(repeating: 0, count: 12))) {
            $0 == .gap(source: "checkpoints/x.safetensors", name: "b", begin: 8, previousEnd: 4)
        }
        let leading = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#
        expectError(makeFile(header: leading, data: Array(repeating: 0, count: 8))) {
            $0 == .gap(source: "checkpoints/x.safetensors", name: "a", begin: 4, previousEnd: 0)
        }
    }

    @Test func trailingBytesNotCovered() {
        expectError(makeFile(header: "{\(#""w":{"# + entry)}}", data: Array(repeating: 0, count: 6))) {
            $0 == .uncoveredBytes(source: "checkpoints/x.safetensors", covered: 4, bufferSize: 6)
        }
        expectError(makeFile(header: "{}", data: [1])) {
            $0 == .uncoveredBytes(source: "checkpoints/x.safetensors", covered: 0, bufferSize: 1)
        }
    }

    @Test func duplicateNames() {
        let header = "{\"w\":{\(entry)},\"w\":{\(entry)}}"
        expectError(makeFile(header: header, data: Array(repeating: 0, count: 4))) {
            $0 == .duplicateName(source: "checkpoints/x.safetensors", name: "w")
        }
        let twoMetadata = #"{"__metadata__":{},"__metadata__":{}}"#
        expectError(makeFile(header: twoMetadata)) {
            $0 == .duplicateName(source: "checkpoints/x.safetensors", name: "__metadata__")
        }
    }

    @Test func messagesStayOnOneLineForHostileNames() {
        let name = "evil\\nname" + String(repeating: "x", count: 500)
        let header = #"{"\#(name)":{"dtype":"Q8","shape":[1],"data_offsets":[0,4]}}"#
        let message = decodeError(makeFile(header: header, data: [0, 0, 0, 0]))?.description ?? ""
        #expect(!message.contains("\n"))
        #expect(message.count < 250)
        #expect(message.contains("Q8"))
    }
}
