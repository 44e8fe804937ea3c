/// Decodes PNG and JPEG files, told apart by their first bytes rather than their names.
///
/// ```swift
/// let image = try ImageDecoder.decode(bytes)          // gray or RGB, as the file is
/// let tile = image.centreSquare(side: 32)             // crop and area-average to 32×32
/// ```
public enum ImageDecoder {
    /// The image in `bytes`: gray files (including gray+alpha and 16-bit gray) as 1 channel,
    /// everything else as RGB; alpha is composited onto black. Throws ``ImageError`` for data
    /// that is neither PNG nor JPEG, is corrupt or truncated, or is larger than
    /// ``DecodedImage/maximumPixelCount``.
    public static func decode(_ bytes: [UInt8]) throws(ImageError) -> DecodedImage {
        if bytes.starts(with: pngSignature) { return try PNGDecoder.decode(bytes) }
        if bytes.starts(with: jpegSignature) { return try JPEGDecoder.decode(bytes) }
        throw .unrecognisedFormat
    }

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Start-of-image marker and the first byte of the next marker.
    private static let jpegSignature: [UInt8] = [0xFF, 0xD8, 0xFF]

    /// Checks a size read from a file header before a buffer is allocated for it.
    static func checkSize(width: Int, height: Int) throws(ImageError) {
        guard width > 0, height > 0 else { throw .invalidSize(width: width, height: height) }
        guard width <= DecodedImage.maximumPixelCount / height else {
            throw .tooLarge(width: width, height: height, limit: DecodedImage.maximumPixelCount)
        }
    }
}
