import CPNG

/// Encodes 8-bit grayscale or RGB pixels as PNG bytes with libpng's simplified API.
///
/// Only encodes: write the bytes with `AtomicFile.write(_:to:overwrite:)` (module SafeTensors),
/// so image files get the same crash-safe, never-overwrite handling as checkpoints without a
/// second copy of that code here.
///
/// ```swift
/// let png = try PNGWriter.encode(gray: grid.pixels, width: grid.width, height: grid.height)
/// try AtomicFile.write(png, to: "samples/step-000500.png")
/// ```
public enum PNGWriter {
    /// Encodes a grayscale image: `gray` holds `width * height` bytes, row by row, top first.
    public static func encode(gray: [UInt8], width: Int, height: Int) throws(ImageError) -> [UInt8] {
        try ImageError.checkPixels(gray.count, width: width, height: height, channels: 1)
        return try encode(gray, width: width, height: height, format: UInt32(PNG_FORMAT_GRAY), channels: 1)
    }

    /// Encodes an RGB image: `rgb` holds `width * height * 3` bytes (R, G, B per pixel), row by row.
    public static func encode(rgb: [UInt8], width: Int, height: Int) throws(ImageError) -> [UInt8] {
        try ImageError.checkPixels(rgb.count, width: width, height: height, channels: 3)
        return try encode(rgb, width: width, height: height, format: UInt32(PNG_FORMAT_RGB), channels: 3)
    }

    /// Encodes `image`, gray or RGB as its channels say; with `provenance`, marked as
    /// AI-generated: its XMP packet (`iTXt`) and `tEXt` chunks `Software` and `Comment` go right
    /// after IHDR, before the first IDAT.
    public static func encode(_ image: PixelImage, provenance: ImageProvenance? = nil) throws(ImageError) -> [UInt8] {
        let png = image.channels == 3
            ? try encode(rgb: image.pixels, width: image.width, height: image.height)
            : try encode(gray: image.pixels, width: image.width, height: image.height)
        guard let provenance else { return png }
        return try PNGChunks.inserting([
            PNGChunks.internationalText(keyword: ImageProvenance.xmpKeyword, provenance.xmpPacket),
            PNGChunks.text(keyword: "Software", provenance.creatorTool),
            PNGChunks.text(keyword: "Comment", provenance.statement),
        ], into: png)
    }

    private static func encode(_ pixels: [UInt8], width: Int, height: Int, format: UInt32, channels: Int)
        throws(ImageError) -> [UInt8]
    {
        // libpng takes 32-bit sizes and a 32-bit row stride.
        guard let width32 = UInt32(exactly: width), let height32 = UInt32(exactly: height),
              let stride = Int32(exactly: width * channels)
        else {
            throw .invalidSize(width: width, height: height)
        }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = width32
        image.height = height32
        image.format = format
        defer { png_image_free(&image) }

        // First call measures, second call writes into a buffer of that size.
        var size = 0
        let measured = pixels.withUnsafeBytes { raw in
            png_image_write_to_memory(&image, nil, &size, 0, raw.baseAddress, stride, nil)
        }
        guard measured != 0, size > 0 else { throw .encoderFailed(message(of: &image)) }

        var output = [UInt8](repeating: 0, count: size)
        let written = output.withUnsafeMutableBytes { target in
            pixels.withUnsafeBytes { raw in
                png_image_write_to_memory(&image, target.baseAddress, &size, 0, raw.baseAddress, stride, nil)
            }
        }
        guard written != 0 else { throw .encoderFailed(message(of: &image)) }
        return Array(output.prefix(size))
    }

    /// libpng's error text, stored in a fixed-size C char array inside the image.
    static func message(of image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            let text = raw.prefix { $0 != 0 }
            return text.isEmpty ? "unknown libpng error" : String(decoding: text, as: UTF8.self)
        }
    }
}
