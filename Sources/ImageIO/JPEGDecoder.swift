import CExif
import CJPEG

/// Reads JPEG files with libjpeg-turbo through the `CJPEG` shim, which keeps libjpeg's
/// setjmp/longjmp error handling in C and treats corrupt-data warnings (a truncated file) as
/// errors. Gray files stay gray; YCbCr and RGB files become RGB; CMYK files are refused. A
/// camera's EXIF orientation tag is applied, so pictures come out upright.
enum JPEGDecoder {
    static func decode(_ bytes: [UInt8]) throws(ImageError) -> DecodedImage {
        // First the header alone, so the size is checked before the pixels are allocated.
        let header = try run(bytes, into: nil)
        try ImageDecoder.checkSize(width: header.width, height: header.height)
        var pixels = [UInt8](repeating: 0, count: header.width * header.height * header.channels)
        let decoded = try pixels.withUnsafeMutableBufferPointer { target throws(ImageError) in
            try run(bytes, into: target)
        }
        guard decoded == header else {
            throw .decoderFailed(format: "JPEG", message: "the image changed size between two reads")
        }
        let stored = DecodedImage(checkedWidth: header.width, height: header.height, channels: header.channels,
                                  pixels: pixels)
        return stored.oriented(exifOrientation: orientation(of: bytes))
    }

    /// The EXIF orientation tag of the file (libexif through the `CExif` shim); 1 without one.
    static func orientation(of bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { data in
            Int(ganscope_exif_orientation(data.baseAddress, UInt32(clamping: data.count)))
        }
    }

    /// One call into the shim: the header only when `pixels` is nil, else the whole image.
    private static func run(_ bytes: [UInt8], into pixels: UnsafeMutableBufferPointer<UInt8>?)
        throws(ImageError) -> (width: Int, height: Int, channels: Int)
    {
        var (width, height, channels): (Int32, Int32, Int32) = (0, 0, 0)
        var message = [CChar](repeating: 0, count: Int(GANSCOPE_JPEG_MESSAGE_LENGTH))
        let succeeded = bytes.withUnsafeBufferPointer { data in
            ganscope_jpeg_decode(data.baseAddress, UInt(data.count), pixels?.baseAddress, pixels?.count ?? 0,
                                 &width, &height, &channels, &message)
        }
        guard succeeded != 0 else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .decoderFailed(format: "JPEG", message: text.isEmpty ? "unknown libjpeg error" : text)
        }
        return (Int(width), Int(height), Int(channels))
    }
}
