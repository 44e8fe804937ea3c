import Foundation
import Testing
@testable import SafeTensors

/// `loadHeader(path:)` checks the header against the file's size without reading the data.
@Suite struct HeaderTests {
    private func write(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "/header-test-\(UInt64.random(in: 0 ... .max)).safetensors"
        try AtomicFile.write(bytes, to: path)
        return path
    }

    @Test func headerMatchesTheFullDecode() throws {
        let file = try SafeTensorsFile(
            tensors: [Tensor(name: "w", shape: [2, 3], values: [1, 2, 3, 4, 5, 6]),
                      Tensor(name: "s", shape: [], values: [7])],
            metadata: ["step": "4"])
        let path = try write(file.encoded())
        defer { unlink(path) }
        let header = try SafeTensorsFile.loadHeader(path: path)
        #expect(header.metadata == ["step": "4"])
        #expect(header.tensors == [.init(name: "w", shape: [2, 3]), .init(name: "s", shape: [])])
    }

    @Test func truncatedDataAndBadLengthsAreCaught() throws {
        let valid = try SafeTensorsFile(tensors: [Tensor(name: "w", shape: [4], values: [1, 2, 3, 4])]).encoded()
        let cases: [[UInt8]] = [Array(valid.dropLast(4)), valid + [0], Array(valid.prefix(5)),
                                littleEndianBytes(1 << 40) + Array(valid.dropFirst(8))]
        for bytes in cases {
            let path = try write(bytes)
            defer { unlink(path) }
            #expect(throws: SafeTensorsError.self) { try SafeTensorsFile.loadHeader(path: path) }
        }
        #expect(throws: SafeTensorsError.unreadable(source: "/nonexistent/x", reason: "No such file or directory")) {
            try SafeTensorsFile.loadHeader(path: "/nonexistent/x")
        }
    }
}
