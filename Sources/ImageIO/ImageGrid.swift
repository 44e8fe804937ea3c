/// Tiles equally sized gray or colour images into one picture, e.g. the generator's samples of
/// fixed noise, ready for ``PNGWriter`` (or ``PGMWriter`` when gray).
///
/// A tile is laid out as a data set's sample: `channels` planes one after the other, each
/// row-major (NCHW); the picture interleaves them per pixel, as PNG wants. Values are in [-1, 1] (the generator's tanh output) and map to bytes as
/// `round((x + 1) / 2 * 255)`, clamped to 0...255; NaN becomes 0 so a diverged model still
/// produces a picture. Tiles fill rows left to right; the gaps and any unused cells of the last
/// row are painted `background`.
///
/// ```swift
/// let grid = try ImageGrid(tileWidth: 28, tileHeight: 28, columns: 8)
/// let image = try grid.render(samples)   // 64 samples → 8 × 8 tiles, 231 × 231 pixels
/// ```
public struct ImageGrid: Sendable, Equatable {
    public let tileWidth: Int
    public let tileHeight: Int
    /// 1 gray, 3 red-green-blue.
    public let channels: Int
    public let columns: Int
    /// Pixels between neighbouring tiles (not around the border), at most ``maximumGap``.
    public let gap: Int
    /// The shade of gaps and empty cells.
    public let background: UInt8

    /// The widest gap accepted: wider is surely a mistake, and the bound keeps sizes from overflowing.
    public static let maximumGap = 64

    /// Describes a grid; throws if a size is not positive, `channels` is not 1 or 3, or the gap is
    /// outside 0...``maximumGap``.
    public init(tileWidth: Int, tileHeight: Int, channels: Int = 1, columns: Int, gap: Int = 1,
                background: UInt8 = 0) throws(ImageError)
    {
        guard tileWidth > 0, tileHeight > 0,
              case (let area, false) = tileWidth.multipliedReportingOverflow(by: tileHeight),
              !area.multipliedReportingOverflow(by: 3).overflow
        else {
            throw .invalidGrid("tile size \(tileWidth)×\(tileHeight) must be positive and fit in memory")
        }
        guard channels == 1 || channels == 3 else {
            throw .invalidGrid("images have 1 (gray) or 3 (colour) channels, not \(channels)")
        }
        guard columns > 0 else { throw .invalidGrid("columns must be positive, got \(columns)") }
        guard (0...Self.maximumGap).contains(gap) else {
            throw .invalidGrid("gap must be in 0...\(Self.maximumGap) pixels, got \(gap)")
        }
        self.tileWidth = tileWidth
        self.tileHeight = tileHeight
        self.channels = channels
        self.columns = columns
        self.gap = gap
        self.background = background
    }

    /// Tiles `images` (each `channels * tileWidth * tileHeight` values, plane after plane, each
    /// row-major) into one image.
    public func render(_ images: [[Float]]) throws(ImageError) -> PixelImage {
        guard !images.isEmpty else { throw .invalidGrid("no images to tile") }
        let tileArea = tileWidth * tileHeight
        for (index, image) in images.enumerated() where image.count != tileArea * channels {
            throw .tileSizeMismatch(index: index, expected: tileArea * channels, actual: image.count)
        }
        let usedColumns = min(columns, images.count)
        let rows = (images.count + columns - 1) / columns
        let width = usedColumns * tileWidth + (usedColumns - 1) * gap
        let height = rows * tileHeight + (rows - 1) * gap
        var pixels = [UInt8](repeating: background, count: width * height * channels)
        for (index, image) in images.enumerated() {
            let left = (index % columns) * (tileWidth + gap)
            let top = (index / columns) * (tileHeight + gap)
            for y in 0..<tileHeight {
                for x in 0..<tileWidth {
                    let target = ((top + y) * width + left + x) * channels
                    for channel in 0..<channels {
                        pixels[target + channel] = Self.byte(image[channel * tileArea + y * tileWidth + x])
                    }
                }
            }
        }
        return PixelImage(width: width, height: height, channels: channels, pixels: pixels)
    }

    /// Maps a value in [-1, 1] to 0...255, rounding to nearest and clamping outliers and NaN.
    static func byte(_ value: Float) -> UInt8 {
        let scaled = ((value + 1) / 2 * 255).rounded()
        guard scaled >= 0 else { return 0 }  // also catches NaN
        return scaled >= 255 ? 255 : UInt8(scaled)
    }
}
