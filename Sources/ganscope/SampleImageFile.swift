import Datasets
import Foundation
import ImageIO
import SafeTensors

/// Writes generated images as one grid picture: PNG (gray or colour, as the data set) or binary
/// PGM (gray only), chosen by the file's extension.
enum SampleImageFile {
    static func write(images: [[Float]], shape: DataShape, to path: String, columns: Int? = nil,
                      overwrite: Bool = true) throws {
        guard case .image(_, _, let channels) = shape else {
            throw CLIError("\(path): this data set is 2-D points, not images; nothing to draw")
        }
        let grid = try self.grid(of: images, shape: shape, columns: columns, for: path)
        let bytes: [UInt8]
        if path.lowercased().hasSuffix(".pgm") {
            guard channels == 1 else {
                throw CLIError("\(path): PGM holds gray images and these are in colour; name the file .png")
            }
            bytes = try PGMWriter.encode(gray: grid.pixels, width: grid.width, height: grid.height)
        } else if path.lowercased().hasSuffix(".png") {
            bytes = try PNGWriter.encode(grid)
        } else {
            throw CLIError("\(path): unknown image type; name the file .png or .pgm")
        }
        // The atomic write renames over the target: never do that to a device or a folder.
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            throw CLIError("\(path): not a regular file; name a new or existing image file")
        }
        try AtomicFile.write(bytes, to: path, overwrite: overwrite)
    }

    /// The images tiled into one picture, about square unless `columns` is given; `destination`
    /// names where it goes, for the error when the data are points.
    static func grid(of images: [[Float]], shape: DataShape, columns: Int? = nil,
                     for destination: String) throws -> PixelImage {
        guard case .image(let width, let height, let channels) = shape else {
            throw CLIError("\(destination): this data set is 2-D points, not images; nothing to draw")
        }
        let columnCount = columns ?? Int(Double(images.count).squareRoot().rounded(.up))
        return try ImageGrid(tileWidth: width, tileHeight: height, channels: channels, columns: max(1, columnCount))
            .render(images)
    }
}
