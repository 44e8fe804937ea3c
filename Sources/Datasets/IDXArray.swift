/// The header and payload of one IDX file (the format of MNIST and its family), of unsigned bytes.
///
/// Layout: two zero bytes, the element type (0x08 = unsigned byte), the number of dimensions,
/// then each dimension as a big-endian 32-bit count, then the data, row-major.
struct IDXArray {
    static let unsignedByte: UInt8 = 0x08

    /// Dimension sizes, outermost (the item count) first.
    let dimensions: [Int]
    /// The data after the header: exactly the product of `dimensions` bytes.
    let payload: ArraySlice<UInt8>

    /// Validates and splits `bytes`, read from `path` (named in errors), which must hold
    /// `dimensionCount` dimensions of unsigned bytes.
    init(parsing bytes: [UInt8], path: String, dimensionCount: Int) throws(DatasetError) {
        let headerSize = 4 + 4 * dimensionCount
        guard bytes.count >= 4 else {
            throw .truncatedHeader(path: path, expectedBytes: headerSize, foundBytes: bytes.count)
        }
        let magic = Self.bigEndian(bytes[0..<4])
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw .wrongMagic(path: path, found: magic, expected: UInt32(Self.unsignedByte) << 8 | UInt32(dimensionCount))
        }
        guard bytes[2] == Self.unsignedByte else { throw .wrongElementType(path: path, found: bytes[2]) }
        guard Int(bytes[3]) == dimensionCount else {
            throw .wrongDimensionCount(path: path, found: Int(bytes[3]), expected: dimensionCount)
        }
        guard bytes.count >= headerSize else {
            throw .truncatedHeader(path: path, expectedBytes: headerSize, foundBytes: bytes.count)
        }
        dimensions = (0..<dimensionCount).map { i in Int(Self.bigEndian(bytes[(4 + 4 * i)..<(8 + 4 * i)])) }
        // Each dimension is below 2³², so the product of three fits in 96 bits; check it fits an Int.
        var size = 1
        for dimension in dimensions {
            let (product, overflow) = size.multipliedReportingOverflow(by: dimension)
            guard !overflow else {
                throw .truncatedData(path: path, expectedBytes: .max, foundBytes: bytes.count - headerSize)
            }
            size = product
        }
        guard size > 0 else { throw .empty(path: path) }
        guard bytes.count - headerSize >= size else {
            throw .truncatedData(path: path, expectedBytes: size, foundBytes: bytes.count - headerSize)
        }
        payload = bytes[headerSize..<(headerSize + size)]
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }
}
