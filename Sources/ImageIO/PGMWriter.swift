/// Encodes 8-bit grayscale pixels as a binary PGM ("P5") file: a dependency-free format that
/// most image viewers and every netpbm tool read.
///
/// Only encodes; write the bytes with `AtomicFile.write(_:to:overwrite:)` (module SafeTensors).
public enum PGMWriter {
    /// Encodes `gray` (`width * height` bytes, row by row, top first) with maximum value 255;
    /// with `provenance`, its comment lines (the AI-generated marking) follow the magic number.
    public static func encode(gray: [UInt8], width: Int, height: Int,
                              provenance: ImageProvenance? = nil) throws(ImageError) -> [UInt8] {
        try ImageError.checkPixels(gray.count, width: width, height: height, channels: 1)
        let comments = provenance?.commentLines.map { $0 + "\n" }.joined() ?? ""
        return Array("P5\n\(comments)\(width) \(height)\n255\n".utf8) + gray
    }
}
