import Testing
@testable import SafeTensors

/// I64 tensors (PyTorch's integer state, e.g. BatchNorm's `num_batches_tracked`) beside F32 ones.
@Suite struct IntegerTensorTests {
    @Test func exactBytesOfAnIntegerScalar() throws {
        let file = try SafeTensorsFile(tensors: [Tensor(name: "n", shape: [], integers: [258])])
        let header = #"{"n":{"dtype":"I64","shape":[],"data_offsets":[0,8]}}"# + String(repeating: " ", count: 3)
        let expected: [UInt8] = [56, 0, 0, 0, 0, 0, 0, 0] + Array(header.utf8) + [2, 1, 0, 0, 0, 0, 0, 0]
        #expect(file.encoded() == expected)
    }

    @Test func mixedFileRoundTripsBitIdentically() throws {
        let original = try SafeTensorsFile(tensors: [
            Tensor(name: "count", shape: [], integers: [1 << 40]),
            Tensor(name: "ints", shape: [3], integers: [.min, -1, .max]),
            Tensor(name: "w", shape: [2], values: [1.5, -2]),
        ], metadata: ["k": "v"])
        let decoded = try SafeTensorsFile.decode(original.encoded(), source: "memory")
        #expect(decoded == original)
        #expect(decoded.tensor(named: "ints")?.dtype == .i64 && decoded.tensor(named: "w")?.dtype == .f32)
        #expect(decoded.tensor(named: "count")?.integers == [1 << 40] && decoded.tensor(named: "count")?.values == [])
    }

    @Test func anIntegerTensorMustFillItsShape() {
        #expect(throws: TensorError.countMismatch(name: "n", shape: [2], expected: 2, count: 1)) {
            try Tensor(name: "n", shape: [2], integers: [1])
        }
    }

    @Test func anI64RangeOfTheWrongLengthIsRefused() {
        let header = #"{"n":{"dtype":"I64","shape":[1],"data_offsets":[0,4]}}"#
        var bytes: [UInt8] = withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { Array($0) }
        bytes += Array(header.utf8) + [0, 0, 0, 0]
        #expect(throws: SafeTensorsError.sizeMismatch(source: "x", name: "n", shape: [1], expectedBytes: 8, actualBytes: 4)) {
            try SafeTensorsFile.decode(bytes, source: "x")
        }
    }
}
