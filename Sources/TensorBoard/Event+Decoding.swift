extension Event {
    /// Decodes an event from a record's bytes; fields it does not know are skipped.
    public init(decoding bytes: [UInt8], range: Range<Int>? = nil) throws(ProtobufError) {
        var reader = ProtobufReader(bytes, range: range ?? bytes.indices)
        self.init(wallTime: 0)
        while let field = try reader.nextField() {
            switch (field.number, field.wireType) {
            case (1, .fixed64): wallTime = try reader.readDouble()
            case (2, .varint): step = Int64(bitPattern: try reader.readVarint())
            case (3, .lengthDelimited): fileVersion = try reader.readString()
            case (5, .lengthDelimited): values += try Self.summaryValues(try reader.readMessage())
            default: try reader.skip(field.wireType)
            }
        }
    }

    private static func summaryValues(_ reader: ProtobufReader) throws(ProtobufError) -> [SummaryValue] {
        var reader = reader
        var values: [SummaryValue] = []
        while let field = try reader.nextField() {
            if field.number == 1, field.wireType == .lengthDelimited {
                values.append(try SummaryValue(try reader.readMessage()))
            } else {
                try reader.skip(field.wireType)
            }
        }
        return values
    }
}

extension SummaryValue {
    fileprivate init(_ reader: ProtobufReader) throws(ProtobufError) {
        var reader = reader
        self.init(tag: "", content: .empty)
        while let field = try reader.nextField() {
            switch (field.number, field.wireType) {
            case (1, .lengthDelimited): tag = try reader.readString()
            case (2, .fixed32): content = .simpleValue(try reader.readFloat())
            case (4, .lengthDelimited): content = .image(try EncodedImage(try reader.readMessage()))
            case (5, .lengthDelimited):
                try reader.skip(field.wireType)
                content = .histogram
            case (6, .lengthDelimited):
                try reader.skip(field.wireType)
                content = .audio
            case (8, .lengthDelimited): content = .tensor(try TensorValue(try reader.readMessage()))
            case (9, .lengthDelimited): pluginName = try Self.pluginName(try reader.readMessage())
            default: try reader.skip(field.wireType)
            }
        }
    }

    /// SummaryMetadata.plugin_data.plugin_name.
    private static func pluginName(_ metadata: ProtobufReader) throws(ProtobufError) -> String? {
        var metadata = metadata
        var name: String?
        while let field = try metadata.nextField() {
            guard field.number == 1, field.wireType == .lengthDelimited else {
                try metadata.skip(field.wireType)
                continue
            }
            var pluginData = try metadata.readMessage()
            while let inner = try pluginData.nextField() {
                if inner.number == 1, inner.wireType == .lengthDelimited {
                    name = try pluginData.readString()
                } else {
                    try pluginData.skip(inner.wireType)
                }
            }
        }
        return name
    }
}

extension EncodedImage {
    fileprivate init(_ reader: ProtobufReader) throws(ProtobufError) {
        var reader = reader
        self.init(width: 0, height: 0, colorspace: 0, encoded: [])
        while let field = try reader.nextField() {
            switch (field.number, field.wireType) {
            case (1, .varint): height = Int(truncatingIfNeeded: Int32(truncatingIfNeeded: try reader.readVarint()))
            case (2, .varint): width = Int(truncatingIfNeeded: Int32(truncatingIfNeeded: try reader.readVarint()))
            case (3, .varint): colorspace = Int(truncatingIfNeeded: Int32(truncatingIfNeeded: try reader.readVarint()))
            case (4, .lengthDelimited): encoded = try reader.readBytes()
            default: try reader.skip(field.wireType)
            }
        }
    }
}

extension TensorValue {
    fileprivate init(_ reader: ProtobufReader) throws(ProtobufError) {
        var reader = reader
        self.init(dataType: 0)
        while let field = try reader.nextField() {
            switch (field.number, field.wireType) {
            case (1, .varint): dataType = Int(truncatingIfNeeded: Int32(truncatingIfNeeded: try reader.readVarint()))
            case (4, .lengthDelimited): content = try reader.readBytes()
            case (5, _): floatValues += try reader.readRepeated(field.wireType, width: 4) { Float(bitPattern: UInt32($0)) }
            case (6, _): doubleValues += try reader.readRepeated(field.wireType, width: 8) { Double(bitPattern: $0) }
            default: try reader.skip(field.wireType)
            }
        }
    }
}
