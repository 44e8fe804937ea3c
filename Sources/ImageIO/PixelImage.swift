/// An 8-bit image, gray (1 channel) or RGB (3): `width * height * channels` bytes, row by row,
/// top row first, the channels of one pixel side by side (as PNG stores them).
public struct PixelImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// 1 gray, 3 red-green-blue.
    public let channels: Int
    public let pixels: [UInt8]

    public init(width: Int, height: Int, channels: Int = 1, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// Channel `channel` of the pixel at column `x`, row `y`.
    public subscript(x: Int, y: Int, channel channel: Int = 0) -> UInt8 {
        pixels[(y * width + x) * channels + channel]
    }
}
