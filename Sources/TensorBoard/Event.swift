/// One TensorBoard event: a record of an event file. Only the fields ganscope reads or writes
/// are kept (TensorFlow's `event.proto`, `summary.proto`, `tensor.proto`):
///
/// | message | fields |
/// |---|---|
/// | Event | wall_time 1 (double), step 2 (int64), file_version 3 (string), summary 5 |
/// | Summary | value 1 (repeated) |
/// | Summary.Value | tag 1, simple_value 2 (float), image 4, histo 5, audio 6, tensor 8, metadata 9 |
/// | Summary.Image | height 1, width 2, colorspace 3, encoded_image_string 4 |
/// | TensorProto | dtype 1, tensor_content 4, float_val 5, double_val 6 |
/// | SummaryMetadata | plugin_data 1 → plugin_name 1 |
public struct Event: Sendable, Equatable {
    /// Seconds since 1970 when the event was written.
    public var wallTime: Double
    public var step: Int64
    /// Set on a file's first event ("brain.Event:2").
    public var fileVersion: String?
    public var values: [SummaryValue]

    public init(wallTime: Double, step: Int64 = 0, fileVersion: String? = nil, values: [SummaryValue] = []) {
        self.wallTime = wallTime
        self.step = step
        self.fileVersion = fileVersion
        self.values = values
    }
}

/// One tagged value of a summary.
public struct SummaryValue: Sendable, Equatable {
    public var tag: String
    public var content: Content
    /// The plugin that wrote it (`scalars`, `images`, `text`, …), when the writer said.
    public var pluginName: String?

    public enum Content: Sendable, Equatable {
        /// `simple_value`: the classic scalar (PyTorch's `add_scalar`).
        case simpleValue(Float)
        case image(EncodedImage)
        case tensor(TensorValue)
        case histogram
        case audio
        /// A value with none of the fields above.
        case empty
    }

    public init(tag: String, content: Content, pluginName: String? = nil) {
        self.tag = tag
        self.content = content
        self.pluginName = pluginName
    }

    /// The number this value stands for, if it is a scalar: a `simple_value`, or a tensor holding
    /// one float or double (PyTorch's `add_scalar(..., new_style=True)`, TF2's `tf.summary.scalar`)
    /// that no other plugin than `scalars` claims.
    public var scalar: Double? {
        switch content {
        case .simpleValue(let value): return Double(value)
        case .tensor(let tensor):
            guard pluginName == nil || pluginName == "scalars" else { return nil }
            return tensor.singleNumber
        case .image, .histogram, .audio, .empty: return nil
        }
    }
}

/// An image summary: the encoded file (PNG from PyTorch) and what the writer said about it.
public struct EncodedImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA.
    public var colorspace: Int
    public var encoded: [UInt8]

    public init(width: Int, height: Int, colorspace: Int, encoded: [UInt8]) {
        self.width = width
        self.height = height
        self.colorspace = colorspace
        self.encoded = encoded
    }
}

/// The parts of a `TensorProto` that can carry a number.
public struct TensorValue: Sendable, Equatable {
    /// TensorFlow's `DataType`: 1 float, 2 double, 7 string, ….
    public var dataType: Int
    public var floatValues: [Float]
    public var doubleValues: [Double]
    /// The raw little-endian element bytes, when the writer packed them so.
    public var content: [UInt8]

    public static let floatType = 1
    public static let doubleType = 2

    public init(dataType: Int, floatValues: [Float] = [], doubleValues: [Double] = [], content: [UInt8] = []) {
        self.dataType = dataType
        self.floatValues = floatValues
        self.doubleValues = doubleValues
        self.content = content
    }

    /// The one number a scalar tensor holds; nil for anything else.
    public var singleNumber: Double? {
        switch dataType {
        case Self.floatType:
            if floatValues.count == 1, content.isEmpty { return Double(floatValues[0]) }
            if floatValues.isEmpty, content.count == 4 {
                return Double(Float(bitPattern: content.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }))
            }
        case Self.doubleType:
            if doubleValues.count == 1, content.isEmpty { return doubleValues[0] }
            if doubleValues.isEmpty, content.count == 8 {
                return Double(bitPattern: content.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
            }
        default: break
        }
        return nil
    }
}
