extension SafeTensorsFile {
    /// The largest header accepted (100 MB, as in the reference implementation): a corrupt
    /// length field must not make the reader allocate or scan gigabytes.
    public static let maximumHeaderLength = 100_000_000

    /// Reads a safetensors file from its bytes, validating everything before using any of it.
    ///
    /// Checks the header length, UTF-8, JSON syntax, the metadata, each tensor's dtype (F32 or I64),
    /// shape and byte range, and that the ranges tile the data buffer exactly, in order, with no
    /// gaps, overlaps or trailing bytes. Never traps on malformed input.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - source: a display name for error messages, usually the path.
    public static func decode(_ bytes: [UInt8], source: String) throws(SafeTensorsError) -> SafeTensorsFile {
        let dataStart = try headerEnd(lengthField: bytes.prefix(8), fileSize: bytes.count, source: source)
        let (metadata, ordered) = try decodeHeader(Array(bytes[8..<dataStart]),
                                                   bufferSize: bytes.count - dataStart, source: source)
        let tensors = ordered.map { entry in
            switch entry.dtype {
            case .f32:
                Tensor(validatedName: entry.name, shape: entry.shape,
                       values: readFloats(bytes, from: dataStart + entry.begin, count: entry.elementCount))
            case .i64:
                Tensor(validatedName: entry.name, shape: entry.shape,
                       integers: readIntegers(bytes, from: dataStart + entry.begin, count: entry.elementCount))
            }
        }
        return SafeTensorsFile(validatedTensors: tensors, metadata: metadata)
    }

    /// Checks the 8-byte header length against the limit and the file size; returns the offset
    /// where the data buffer starts.
    static func headerEnd(lengthField: ArraySlice<UInt8>, fileSize: Int, source: String)
        throws(SafeTensorsError) -> Int
    {
        guard lengthField.count == 8, fileSize >= 8 else { throw .fileTooShort(source: source, size: fileSize) }
        let length = lengthField.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard length <= UInt64(maximumHeaderLength) else {
            throw .headerTooLarge(source: source, length: length)
        }
        guard length <= UInt64(fileSize - 8) else {
            throw .headerBeyondFile(source: source, length: length, available: fileSize - 8)
        }
        return 8 + Int(length)
    }

    /// Validates the JSON header against a data buffer of `bufferSize` bytes; returns the metadata
    /// and the tensor entries in buffer order.
    static func decodeHeader(_ header: [UInt8], bufferSize: Int, source: String)
        throws(SafeTensorsError) -> (metadata: [String: String], entries: [TensorEntry])
    {
        let members = try parseHeader(header, source: source)
        var seen = Set<String>()
        var metadata: [String: String] = [:]
        var entries: [TensorEntry] = []
        for member in members {
            guard seen.insert(member.key).inserted else {
                throw .duplicateName(source: source, name: member.key)
            }
            if member.key == metadataKey {
                metadata = try decodeMetadata(member.value, source: source)
            } else {
                entries.append(try TensorEntry(name: member.key, json: member.value, source: source))
            }
        }
        return (metadata, try checkLayout(entries, bufferSize: bufferSize, source: source))
    }

    /// Parses the header into the members of its top-level object.
    private static func parseHeader(_ header: [UInt8], source: String)
        throws(SafeTensorsError) -> [JSONValue.Member]
    {
        guard String(validating: header, as: UTF8.self) != nil else {
            throw .headerNotUTF8(source: source)
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(header)
        } catch {
            throw .headerNotJSON(source: source, detail: "\(error.message) at header byte \(error.offset)")
        }
        guard case .object(let members) = json else {
            throw .headerNotObject(source: source, found: json.kindDescription)
        }
        // The format requires '{' as the very first byte; only trailing padding is allowed.
        guard header.first == UInt8(ascii: "{") else {
            throw .headerNotObject(source: source, found: "whitespace before it")
        }
        return members
    }

    private static func decodeMetadata(_ json: JSONValue, source: String)
        throws(SafeTensorsError) -> [String: String]
    {
        guard case .object(let members) = json else {
            throw .invalidMetadata(source: source, detail: "found \(json.kindDescription)")
        }
        var metadata: [String: String] = [:]
        for member in members {
            guard case .string(let value) = member.value else {
                throw .invalidMetadata(source: source,
                                       detail: "key \(member.key.quotedForMessage) holds "
                                           + "\(member.value.kindDescription)")
            }
            guard metadata.updateValue(value, forKey: member.key) == nil else {
                throw .invalidMetadata(source: source,
                                       detail: "key \(member.key.quotedForMessage) appears twice")
            }
        }
        return metadata
    }

    /// Checks that the byte ranges lie inside the buffer and tile it exactly; returns the entries
    /// in buffer order.
    private static func checkLayout(_ entries: [TensorEntry], bufferSize: Int, source: String)
        throws(SafeTensorsError) -> [TensorEntry]
    {
        for entry in entries where entry.end > bufferSize {
            throw .offsetsOutOfRange(source: source, name: entry.name, end: entry.end, bufferSize: bufferSize)
        }
        // Empty tensors share their offset with a neighbour; ordering by end then name keeps the
        // result deterministic.
        let ordered = entries.sorted { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        var cursor = 0
        var previousName = ""
        for entry in ordered {
            if entry.begin < cursor {
                throw .overlap(source: source, name: entry.name, begin: entry.begin,
                               previousName: previousName, previousEnd: cursor)
            }
            if entry.begin > cursor {
                throw .gap(source: source, name: entry.name, begin: entry.begin, previousEnd: cursor)
            }
            cursor = entry.end
            previousName = entry.name
        }
        guard cursor == bufferSize else {
            throw .uncoveredBytes(source: source, covered: cursor, bufferSize: bufferSize)
        }
        return ordered
    }

    /// Reads `count` little-endian F32 values starting at byte `start` (already bounds-checked).
    private static func readFloats(_ bytes: [UInt8], from start: Int, count: Int) -> [Float] {
        bytes.withUnsafeBytes { raw in
            (0..<count).map { index in
                let bits = raw.loadUnaligned(fromByteOffset: start + 4 * index, as: UInt32.self)
                return Float(bitPattern: UInt32(littleEndian: bits))
            }
        }
    }

    /// Reads `count` little-endian I64 values starting at byte `start` (already bounds-checked).
    private static func readIntegers(_ bytes: [UInt8], from start: Int, count: Int) -> [Int64] {
        bytes.withUnsafeBytes { raw in
            (0..<count).map { index in
                Int64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8 * index, as: Int64.self))
            }
        }
    }
}
