/// Why an image could not be built or encoded; each description says what to fix.
public enum ImageError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Width or height is not positive, or their product overflows.
    case invalidSize(width: Int, height: Int)
    /// The pixel array does not hold `width * height * channels` bytes.
    case pixelCountMismatch(expected: Int, actual: Int)
    /// A grid was asked for with no images, no columns or an empty tile size.
    case invalidGrid(String)
    /// A tile of a grid does not hold `channels * tileWidth * tileHeight` values.
    case tileSizeMismatch(index: Int, expected: Int, actual: Int)
    /// libpng refused the image; the message is libpng's own.
    case encoderFailed(String)
    /// A channel count other than 1 (gray) or 3 (RGB).
    case invalidChannels(Int)
    /// The data starts like neither a PNG nor a JPEG file.
    case unrecognisedFormat
    /// The file's header announces more pixels than a decoder accepts.
    case tooLarge(width: Int, height: Int, limit: Int)
    /// libpng or libjpeg could not read the file (corrupt, truncated, unsupported); the message
    /// is the library's own.
    case decoderFailed(format: String, message: String)

    public var description: String {
        switch self {
        case .invalidSize(let width, let height):
            "image size \(width)×\(height) is invalid: both sides must be positive and the area must fit in memory"
        case .pixelCountMismatch(let expected, let actual):
            "image needs \(expected) bytes of pixels, got \(actual)"
        case .invalidGrid(let problem):
            "cannot build the image grid: \(problem)"
        case .tileSizeMismatch(let index, let expected, let actual):
            "grid image \(index) has \(actual) values, expected \(expected) (channels × tileWidth × tileHeight)"
        case .encoderFailed(let message):
            "PNG encoding failed: \(message)"
        case .invalidChannels(let channels):
            "an image has 1 (gray) or 3 (RGB) channels, not \(channels)"
        case .unrecognisedFormat:
            "not a PNG or JPEG file"
        case .tooLarge(let width, let height, let limit):
            "image of \(width)×\(height) pixels is larger than the \(limit / 1_000_000)-megapixel limit"
        case .decoderFailed(let format, let message):
            "\(format) decoding failed: \(message)"
        }
    }

    /// Checks that `pixels` bytes fill a `width`×`height` image with `channels` bytes per pixel.
    static func checkPixels(_ pixels: Int, width: Int, height: Int, channels: Int) throws(ImageError) {
        guard width > 0, height > 0,
              case (let area, false) = width.multipliedReportingOverflow(by: height),
              case (let expected, false) = area.multipliedReportingOverflow(by: channels)
        else {
            throw .invalidSize(width: width, height: height)
        }
        guard pixels == expected else { throw .pixelCountMismatch(expected: expected, actual: pixels) }
    }
}
