import Testing
@testable import TensorBoard

@Suite struct EventCodingTests {
    static let image = EncodedImage(width: 3, height: 2, colorspace: 1, encoded: [0x89, 0x50, 1, 2, 3])

    @Test func roundTripOfEveryWrittenKind() throws {
        let event = Event(wallTime: 1_700_000_000.25, step: 1234, values: [
            SummaryValue(tag: "loss/D", content: .simpleValue(1.5)),
            SummaryValue(tag: "samples", content: .image(Self.image)),
            SummaryValue(tag: "acc", content: .tensor(TensorValue(dataType: TensorValue.floatType, floatValues: [0.25])),
                         pluginName: "scalars"),
        ])
        #expect(try Event(decoding: event.encoded()) == event)
        let version = Event(wallTime: 3, fileVersion: EventFileWriter.fileVersion)
        #expect(try Event(decoding: version.encoded()) == version)
    }

    @Test func negativeAndLargeSteps() throws {
        for step: Int64 in [-1, .max, .min, 1 << 40] {
            #expect(try Event(decoding: Event(wallTime: 0, step: step).encoded()).step == step)
        }
    }

    @Test func unknownFieldsOfEveryWireTypeAreSkipped() throws {
        var writer = ProtobufWriter()
        writer.varint(99, 12345)  // varint
        writer.double(1, 7.5)
        writer.double(98, 1)  // fixed64
        writer.float(97, 2)  // fixed32
        writer.bytes(96, [1, 2, 3])  // length-delimited
        writer.varint(2, 42)
        writer.message(5) { summary in
            summary.varint(50, 1)
            summary.message(1) { value in
                value.float(77, 9)
                value.string(7, "node name")  // node_name: not used
                value.string(1, "tag")
                value.float(2, 0.5)
            }
        }
        let event = try Event(decoding: writer.bytes)
        #expect(event.wallTime == 7.5)
        #expect(event.step == 42)
        #expect(event.values == [SummaryValue(tag: "tag", content: .simpleValue(0.5))])
    }

    @Test func scalarTensorsInEveryEncoding() throws {
        let float = TensorValue(dataType: TensorValue.floatType, floatValues: [0.75])
        let double = TensorValue(dataType: TensorValue.doubleType, doubleValues: [0.125])
        let floatBytes = TensorValue(dataType: TensorValue.floatType, content: [0, 0, 0x80, 0x3F])  // 1.0
        let doubleBytes = TensorValue(dataType: TensorValue.doubleType, content: [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
        #expect(float.singleNumber == 0.75)
        #expect(double.singleNumber == 0.125)
        #expect(floatBytes.singleNumber == 1)
        #expect(doubleBytes.singleNumber == 1)
        #expect(TensorValue(dataType: TensorValue.floatType, floatValues: [1, 2]).singleNumber == nil)
        #expect(TensorValue(dataType: 7, content: [1, 2, 3, 4]).singleNumber == nil)
        // A tensor another plugin wrote is not a scalar even if it holds one number.
        #expect(SummaryValue(tag: "t", content: .tensor(float), pluginName: "text").scalar == nil)
        #expect(SummaryValue(tag: "t", content: .tensor(float)).scalar == 0.75)
    }

    @Test func packedFloatValues() throws {
        var writer = ProtobufWriter()
        writer.message(5) { summary in
            summary.message(1) { value in
                value.string(1, "packed")
                value.message(8) { tensor in
                    tensor.varint(1, 1)
                    tensor.bytes(5, [0, 0, 0x80, 0x3F])  // float_val = [1.0], packed
                }
            }
        }
        let event = try Event(decoding: writer.bytes)
        #expect(event.values.first?.scalar == 1)
    }

    @Test func malformedMessagesThrow() {
        #expect(throws: ProtobufError.truncated) { try Event(decoding: [0x09, 1, 2]) }  // wall_time cut short
        #expect(throws: ProtobufError.truncated) { try Event(decoding: [0x2A, 0x05, 0x0A]) }  // summary longer than the rest
        #expect(throws: ProtobufError.varintTooLong) { try Event(decoding: [0x10] + [UInt8](repeating: 0xFF, count: 11)) }
        #expect(throws: ProtobufError.badFieldNumber(0)) { try Event(decoding: [0x00, 0x01]) }
        #expect(throws: ProtobufError.badWireType(3)) { try Event(decoding: [0x0B]) }  // a group
        #expect(throws: ProtobufError.badWireType(6)) { try Event(decoding: [0x0E]) }
    }
}
