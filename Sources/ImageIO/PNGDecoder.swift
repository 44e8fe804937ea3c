import CPNG

/// Reads PNG files with libpng's simplified API, which does every conversion (palette, 16-bit,
/// gray+alpha, RGBA, interlacing) and catches libpng's longjmp errors itself, returning 0 with
/// a message, so no setjmp is needed on our side.
enum PNGDecoder {
    static func decode(_ bytes: [UInt8]) throws(ImageError) -> DecodedImage {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let begun = bytes.withUnsafeBytes { raw in
            png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count)
        }
        guard begun != 0 else { throw .decoderFailed(format: "PNG", message: PNGWriter.message(of: &image)) }
        let width = Int(image.width), height = Int(image.height)
        try ImageDecoder.checkSize(width: width, height: height)

        // Palette files count as colour even when every entry is gray: libpng does not tell.
        let colour = image.format & UInt32(PNG_FORMAT_FLAG_COLOR) != 0
        let channels = colour ? 3 : 1
        image.format = colour ? UInt32(PNG_FORMAT_RGB) : UInt32(PNG_FORMAT_GRAY)
        // Untagged 16-bit files are nearly always sRGB like 8-bit ones, not linear light as
        // libpng assumes by default, which would brighten them.
        image.flags |= UInt32(PNG_IMAGE_FLAG_16BIT_sRGB)
        var pixels = [UInt8](repeating: 0, count: width * height * channels)
        var black = png_color(red: 0, green: 0, blue: 0)
        let finished = pixels.withUnsafeMutableBytes { target in
            png_image_finish_read(&image, &black, target.baseAddress, Int32(width * channels), nil)
        }
        guard finished != 0 else { throw .decoderFailed(format: "PNG", message: PNGWriter.message(of: &image)) }
        return DecodedImage(checkedWidth: width, height: height, channels: channels, pixels: pixels)
    }
}
