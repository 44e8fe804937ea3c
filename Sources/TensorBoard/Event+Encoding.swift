extension Event {
    /// The event in protocol-buffer wire format, ready for ``TFRecord/frame(_:)``. Writes only
    /// what ``EventFileWriter`` uses: scalars as `simple_value`, images, the file version.
    public func encoded() -> [UInt8] {
        var writer = ProtobufWriter()
        writer.double(1, wallTime)
        if step != 0 { writer.varint(2, UInt64(bitPattern: step)) }
        if let fileVersion { writer.string(3, fileVersion) }
        if !values.isEmpty {
            writer.message(5) { summary in
                for value in values { summary.message(1) { value.encode(into: &$0) } }
            }
        }
        return writer.bytes
    }
}

extension SummaryValue {
    fileprivate func encode(into writer: inout ProtobufWriter) {
        writer.string(1, tag)
        if let pluginName {
            writer.message(9) { metadata in metadata.message(1) { $0.string(1, pluginName) } }
        }
        switch content {
        case .simpleValue(let value): writer.float(2, value)
        case .image(let image):
            writer.message(4) { message in
                message.varint(1, UInt64(image.height))
                message.varint(2, UInt64(image.width))
                message.varint(3, UInt64(image.colorspace))
                message.bytes(4, image.encoded)
            }
        case .tensor(let tensor):
            writer.message(8) { message in
                message.varint(1, UInt64(tensor.dataType))
                if !tensor.content.isEmpty { message.bytes(4, tensor.content) }
                for value in tensor.floatValues { message.float(5, value) }
                for value in tensor.doubleValues { message.double(6, value) }
            }
        case .histogram, .audio, .empty: break
        }
    }
}
