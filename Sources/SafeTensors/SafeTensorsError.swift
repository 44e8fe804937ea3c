/// Why a safetensors file could not be read; each description is one line naming the file.
///
/// `source` is the display name passed to the decoder (usually the path), so a message reads
/// like `checkpoints/x.safetensors: header length 1099511627776 exceeds the 100 MB limit`.
public enum SafeTensorsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be opened or read; `reason` is the system's explanation.
    case unreadable(source: String, reason: String)
    /// Fewer than the 8 bytes that hold the header length.
    case fileTooShort(source: String, size: Int)
    /// The declared header length is above ``SafeTensorsFile/maximumHeaderLength``.
    case headerTooLarge(source: String, length: UInt64)
    /// The declared header length runs past the end of the file.
    case headerBeyondFile(source: String, length: UInt64, available: Int)
    /// The header bytes are not valid UTF-8.
    case headerNotUTF8(source: String)
    /// The header is not valid JSON; `detail` says what and where.
    case headerNotJSON(source: String, detail: String)
    /// The header is JSON but not an object starting at its first byte.
    case headerNotObject(source: String, found: String)
    /// `__metadata__` is not an object of strings to strings.
    case invalidMetadata(source: String, detail: String)
    /// A name (tensor or metadata key) appears twice in the header.
    case duplicateName(source: String, name: String)
    /// A tensor entry is not an object with exactly `dtype`, `shape` and `data_offsets`.
    case invalidEntry(source: String, name: String, detail: String)
    /// A tensor uses a data type this reader does not support (only F32 and I64 are).
    case unsupportedDType(source: String, name: String, dtype: String)
    /// A shape is not an array of non-negative integers with a representable product.
    case invalidShape(source: String, name: String, detail: String)
    /// `data_offsets` is not two integers `[begin, end]` with `begin <= end`.
    case invalidOffsets(source: String, name: String, detail: String)
    /// The byte range does not hold exactly `product(shape) * 4` bytes.
    case sizeMismatch(source: String, name: String, shape: [Int], expectedBytes: Int, actualBytes: Int)
    /// The byte range ends past the end of the data buffer.
    case offsetsOutOfRange(source: String, name: String, end: Int, bufferSize: Int)
    /// The byte range starts before the previous tensor's range ends.
    case overlap(source: String, name: String, begin: Int, previousName: String, previousEnd: Int)
    /// Unused bytes lie between the previous tensor's range and this one.
    case gap(source: String, name: String, begin: Int, previousEnd: Int)
    /// The tensors' ranges end before the data buffer does.
    case uncoveredBytes(source: String, covered: Int, bufferSize: Int)

    public var description: String {
        switch self {
        case .unreadable(let source, let reason):
            "\(source): cannot read the file: \(reason)"
        case .fileTooShort(let source, let size):
            "\(source): file is \(size) bytes, too short for the 8-byte header length; "
                + "it is truncated or not a safetensors file"
        case .headerTooLarge(let source, let length):
            "\(source): header length \(length) exceeds the 100 MB limit "
                + "(\(SafeTensorsFile.maximumHeaderLength) bytes); the file is corrupt or not safetensors"
        case .headerBeyondFile(let source, let length, let available):
            "\(source): header length \(length) exceeds the \(available) bytes after the length field; "
                + "the file is truncated or corrupt"
        case .headerNotUTF8(let source):
            "\(source): header is not valid UTF-8; the file is corrupt"
        case .headerNotJSON(let source, let detail):
            "\(source): header is not valid JSON: \(detail)"
        case .headerNotObject(let source, let found):
            "\(source): header must be a JSON object starting with '{', found \(found)"
        case .invalidMetadata(let source, let detail):
            "\(source): __metadata__ must map strings to strings: \(detail)"
        case .duplicateName(let source, let name):
            "\(source): name \(name.quotedForMessage) appears more than once in the header"
        case .invalidEntry(let source, let name, let detail):
            "\(source): tensor \(name.quotedForMessage): \(detail)"
        case .unsupportedDType(let source, let name, let dtype):
            "\(source): tensor \(name.quotedForMessage) has dtype \(dtype.quotedForMessage); "
                + "only F32 and I64 are supported (convert the tensor to float32)"
        case .invalidShape(let source, let name, let detail):
            "\(source): tensor \(name.quotedForMessage): invalid shape: \(detail)"
        case .invalidOffsets(let source, let name, let detail):
            "\(source): tensor \(name.quotedForMessage): invalid data_offsets: \(detail)"
        case .sizeMismatch(let source, let name, let shape, let expectedBytes, let actualBytes):
            "\(source): tensor \(name.quotedForMessage) spans \(actualBytes) bytes, but its shape \(shape) "
                + "at its dtype needs \(expectedBytes)"
        case .offsetsOutOfRange(let source, let name, let end, let bufferSize):
            "\(source): tensor \(name.quotedForMessage) ends at byte \(end), past the \(bufferSize)-byte data buffer; "
                + "the file is truncated or corrupt"
        case .overlap(let source, let name, let begin, let previousName, let previousEnd):
            "\(source): tensor \(name.quotedForMessage) starts at byte \(begin), inside tensor \(previousName.quotedForMessage) "
                + "which ends at byte \(previousEnd)"
        case .gap(let source, let name, let begin, let previousEnd):
            "\(source): tensor \(name.quotedForMessage) starts at byte \(begin), leaving unused bytes after "
                + "byte \(previousEnd)"
        case .uncoveredBytes(let source, let covered, let bufferSize):
            "\(source): tensors cover \(covered) of the \(bufferSize) data bytes; "
                + "the rest belongs to no tensor"
        }
    }
}
