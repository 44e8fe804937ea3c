extension SafeTensorsFile {
    /// The file's bytes: header length, JSON header padded to 8 bytes, then the data.
    ///
    /// Tensors are laid out contiguously in ``tensors`` order; metadata keys are written sorted,
    /// so equal files encode to equal bytes.
    public func encoded() -> [UInt8] {
        let header = headerBytes()
        let dataSize = tensors.reduce(0) { $0 + $1.count * $1.dtype.size }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + dataSize)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: header)
        for tensor in tensors {
            #if _endian(little)
            // The file's byte order is the machine's: copy whole tensors (a 16 MB checkpoint in
            // a few milliseconds instead of ~80 value by value).
            tensor.values.withUnsafeBytes { bytes.append(contentsOf: $0) }
            tensor.integers.withUnsafeBytes { bytes.append(contentsOf: $0) }
            #else
            for value in tensor.values {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            }
            for value in tensor.integers {
                withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
            }
            #endif
        }
        return bytes
    }

    /// The JSON header with trailing spaces so that the data starts at a multiple of 8, which
    /// lets readers map F32 data in place with correct alignment (I64 data too, when its tensors
    /// come first).
    private func headerBytes() -> [UInt8] {
        var members: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { key in
                "\(Self.jsonString(key)):\(Self.jsonString(metadata[key] ?? ""))"
            }
            members.append("\(Self.jsonString(Self.metadataKey)):{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for tensor in tensors {
            let end = offset + tensor.count * tensor.dtype.size
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            members.append(
                "\(Self.jsonString(tensor.name)):{\"dtype\":\"\(tensor.dtype.rawValue)\",\"shape\":[\(shape)],"
                    + "\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array("{\(members.joined(separator: ","))}".utf8)
        let padding = (8 - header.count % 8) % 8
        header.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padding))
        return header
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped.
    private static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
