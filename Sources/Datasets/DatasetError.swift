/// Why a data set could not be loaded; each description is one line naming the file and the fix.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
    /// The spec names no built-in set and is not `idx:PATH`.
    case unknownDataset(spec: String)
    /// A requested sample count below 1.
    case invalidCount(Int)
    case fileNotFound(path: String)
    /// An IDX folder lacks the images file of the requested split.
    case imagesNotFound(folder: String, expected: String)
    case unreadable(path: String, reason: String)
    /// The file starts with the gzip magic but does not inflate.
    case invalidGzip(path: String, reason: String)
    /// The first two bytes of an IDX file are not zero, so it is not IDX at all.
    case wrongMagic(path: String, found: UInt32, expected: UInt32)
    /// An IDX element type other than unsigned byte (0x08).
    case wrongElementType(path: String, found: UInt8)
    case wrongDimensionCount(path: String, found: Int, expected: Int)
    case truncatedHeader(path: String, expectedBytes: Int, foundBytes: Int)
    case truncatedData(path: String, expectedBytes: Int, foundBytes: Int)
    case labelCountMismatch(labelsPath: String, labelCount: Int, imageCount: Int)
    /// The header announces zero items or a zero-sized image.
    case empty(path: String)
    /// `folder:PATH` names a file.
    case notAFolder(path: String)
    /// A folder holds no PNG or JPEG file that decodes; `skipped` lists the files that failed.
    case noImages(folder: String, skipped: String?)
    /// `--image-size` outside ``FolderOptions/imageSizes``.
    case invalidImageSize(Int)
    /// `--channels` other than 1 or 3.
    case invalidChannels(Int)

    public var description: String {
        switch self {
        case .unknownDataset(let spec):
            let names = DatasetCatalog.builtInNames.joined(separator: ", ")
            return "unknown data set '\(spec)': use one of \(names), idx:PATH for an IDX file or folder, "
                + "or folder:PATH for a folder of PNG and JPEG pictures"
        case .invalidCount(let count):
            return "invalid sample count \(count): ask for at least 1 sample"
        case .fileNotFound(let path):
            return "\(path): no such file or folder"
        case .imagesNotFound(let folder, let expected):
            return "\(folder): no \(expected) or \(expected).gz in this folder"
        case .unreadable(let path, let reason):
            return "\(path): cannot read the file (\(reason))"
        case .invalidGzip(let path, let reason):
            return "\(path): invalid gzip data (\(reason)); re-download or decompress it with gunzip"
        case .wrongMagic(let path, let found, let expected):
            return "\(path): not an IDX file: magic number is \(hex(found)), expected \(hex(expected))"
        case .wrongElementType(let path, let found):
            return "\(path): IDX element type is \(hex(UInt32(found), digits: 2)), "
                + "expected 0x08 (unsigned byte); only byte images are supported"
        case .wrongDimensionCount(let path, let found, let expected):
            let hint = found == 1 ? " (is this a labels file?)" : ""
            return "\(path): IDX file has \(found) dimensions, expected \(expected)\(hint)"
        case .truncatedHeader(let path, let expected, let found):
            return "\(path): truncated IDX header: expected \(expected) bytes, found \(found)"
        case .truncatedData(let path, let expected, let found):
            return "\(path): truncated: expected \(expected) bytes of data after the header, found \(found)"
        case .labelCountMismatch(let path, let labels, let images):
            return "\(path): \(labels) labels for \(images) images; use the labels file that matches the images"
        case .empty(let path):
            return "\(path): the IDX file holds no data (zero items or a zero-sized image)"
        case .notAFolder(let path):
            return "\(path): not a folder; folder:PATH takes a folder of PNG and JPEG pictures"
        case .noImages(let folder, let skipped):
            return "\(folder): no usable PNG or JPEG picture in this folder or below it"
                + (skipped.map { " (\($0))" } ?? "")
        case .invalidImageSize(let size):
            let sizes = FolderOptions.imageSizes.map(String.init).joined(separator: ", ")
            return "image size \(size) is not supported: use one of \(sizes)"
        case .invalidChannels(let channels):
            return "\(channels) channels is not supported: use 1 (gray) or 3 (colour)"
        }
    }
}

/// `0x00000803`-style hexadecimal, zero-padded to `digits`.
private func hex(_ value: UInt32, digits: Int = 8) -> String {
    let text = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
}
