/// An 8-bit image read from a file: `channels` bytes a pixel (1 gray, 3 red-green-blue),
/// interleaved, rows top first.
public struct DecodedImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// 1 (gray) or 3 (RGB).
    public let channels: Int
    public let pixels: [UInt8]

    /// An image from its pixels; throws if `pixels` does not hold `width * height * channels` bytes.
    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) throws(ImageError) {
        guard channels == 1 || channels == 3 else { throw .invalidChannels(channels) }
        try ImageError.checkPixels(pixels.count, width: width, height: height, channels: channels)
        self.init(checkedWidth: width, height: height, channels: channels, pixels: pixels)
    }

    /// For decoders and resizers, whose sizes are right by construction.
    init(checkedWidth width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// The largest image a decoder accepts, in pixels: 50 megapixels, a 150 MB RGB buffer. Sizes
    /// come from untrusted files; a bigger one is refused before anything is allocated.
    public static let maximumPixelCount = 50_000_000
}
