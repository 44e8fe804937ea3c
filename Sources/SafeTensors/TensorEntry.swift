/// One tensor's header entry, checked: name, dtype (F32 or I64), shape and byte range.
///
/// Built from untrusted JSON, so every field is validated and every problem becomes a
/// ``SafeTensorsError`` naming the file and the tensor.
struct TensorEntry {
    let name: String
    let dtype: Tensor.DType
    let shape: [Int]
    let elementCount: Int
    /// Byte offsets relative to the start of the data buffer, `begin <= end`.
    let begin: Int
    let end: Int

    private static let requiredKeys = ["dtype", "shape", "data_offsets"]

    init(name: String, json: JSONValue, source: String) throws(SafeTensorsError) {
        guard case .object(let members) = json else {
            throw .invalidEntry(source: source, name: name,
                                detail: "expected an object with dtype, shape and data_offsets, "
                                    + "found \(json.kindDescription)")
        }
        var fields: [String: JSONValue] = [:]
        for member in members {
            guard Self.requiredKeys.contains(member.key) else {
                throw .invalidEntry(source: source, name: name,
                                    detail: "unexpected key \(member.key.quotedForMessage); "
                                        + "only dtype, shape and data_offsets are allowed")
            }
            guard fields.updateValue(member.value, forKey: member.key) == nil else {
                throw .invalidEntry(source: source, name: name,
                                    detail: "key \(member.key.quotedForMessage) appears twice")
            }
        }
        guard let dtype = fields["dtype"], let shape = fields["shape"],
              let offsets = fields["data_offsets"]
        else {
            let missing = Self.requiredKeys.filter { fields[$0] == nil }.joined(separator: ", ")
            throw .invalidEntry(source: source, name: name, detail: "missing \(missing)")
        }

        guard case .string(let dtypeName) = dtype else {
            throw .invalidEntry(source: source, name: name,
                                detail: "dtype must be a string, found \(dtype.kindDescription)")
        }
        guard let dtype = Tensor.DType(rawValue: dtypeName) else {
            throw .unsupportedDType(source: source, name: name, dtype: dtypeName)
        }

        self.name = name
        self.dtype = dtype
        self.shape = try Self.readShape(shape, name: name, source: source)
        guard let count = Tensor.elementCount(of: self.shape),
              case (let byteCount, false) = count.multipliedReportingOverflow(by: dtype.size)
        else {
            throw .invalidShape(source: source, name: name,
                                detail: "\(self.shape) has more elements than memory can address")
        }
        self.elementCount = count
        (begin, end) = try Self.readOffsets(offsets, name: name, source: source)
        guard end - begin == byteCount else {
            throw .sizeMismatch(source: source, name: name, shape: self.shape,
                                expectedBytes: byteCount, actualBytes: end - begin)
        }
    }

    private static func readShape(_ json: JSONValue, name: String, source: String)
        throws(SafeTensorsError) -> [Int]
    {
        guard case .array(let elements) = json else {
            throw .invalidShape(source: source, name: name,
                                detail: "expected an array of integers, found \(json.kindDescription)")
        }
        var shape: [Int] = []
        for (index, element) in elements.enumerated() {
            switch IntegerReading(element) {
            case .value(let dimension): shape.append(dimension)
            case .problem(let problem):
                throw .invalidShape(source: source, name: name, detail: "dimension \(index) \(problem)")
            }
        }
        return shape
    }

    private static func readOffsets(_ json: JSONValue, name: String, source: String)
        throws(SafeTensorsError) -> (begin: Int, end: Int)
    {
        guard case .array(let elements) = json, elements.count == 2 else {
            let found: String
            if case .array(let elements) = json {
                found = "an array of \(elements.count) elements"
            } else {
                found = json.kindDescription
            }
            throw .invalidOffsets(source: source, name: name, detail: "expected [begin, end], found \(found)")
        }
        var bounds: [Int] = []
        for (label, element) in zip(["begin", "end"], elements) {
            switch IntegerReading(element) {
            case .value(let offset): bounds.append(offset)
            case .problem(let problem):
                throw .invalidOffsets(source: source, name: name, detail: "\(label) \(problem)")
            }
        }
        let (begin, end) = (bounds[0], bounds[1])
        guard begin <= end else {
            throw .invalidOffsets(source: source, name: name, detail: "end \(end) is before begin \(begin)")
        }
        return (begin, end)
    }
}

/// A JSON value read as a non-negative integer, or the reason it is not one (phrased to follow
/// the field's name: "dimension 2 is negative (-3)").
private enum IntegerReading {
    case value(Int)
    case problem(String)

    init(_ json: JSONValue) {
        guard case .number(let text) = json else {
            self = .problem("must be an integer, found \(json.kindDescription)")
            return
        }
        if let value = Int(text) {
            self = value < 0 ? .problem("is negative (\(text))") : .value(value)
        } else if text.contains(where: { ".eE".contains($0) }) {
            self = .problem("must be an integer, found \(text)")
        } else if text.hasPrefix("-") {
            self = .problem("is negative (\(text))")
        } else {
            self = .problem("is too large (\(text))")
        }
    }
}
