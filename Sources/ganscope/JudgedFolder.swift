import Datasets
import Foundation
import ImageIO

/// `detect --images FOLDER`: the folder's PNG files (not its subfolders), in name order, each
/// checked for ganscope's AI-generated marking and turned into one image of the checkpoint's
/// shape (the centre square resized, gray or colour as the checkpoint makes). A file that cannot
/// be read or decoded stops the command with its name: a verdict on part of a folder would read
/// as one on all of it.
struct JudgedFolder {
    struct File {
        let name: String
        /// Whether it carries the XMP DigitalSourceType marking before its image data.
        let marked: Bool
    }

    let files: [File]
    /// The images as rows of the checkpoint's shape, values in [-1, 1].
    let rows: [Float]

    init(path: String, width: Int, height: Int, channels: Int) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
                .filter { $0.lowercased().hasSuffix(".png") }.sorted()
        } catch {
            throw CLIError("--images \(path): cannot list the folder (\(error.localizedDescription))")
        }
        guard !names.isEmpty else { throw CLIError("--images \(path): no .png files in the folder") }
        var files: [File] = [], rows: [Float] = []
        for name in names {
            let file = URL(fileURLWithPath: path).appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError("\(file): cannot read the file")
            }
            let bytes = [UInt8](data)
            var image: DecodedImage
            do {
                image = try ImageDecoder.decode(bytes)
            } catch {
                throw CLIError("\(file): \(error)")
            }
            if image.width != width || image.height != height {
                guard width == height else {
                    throw CLIError("\(file): \(image.width)×\(image.height) pixels; this checkpoint makes \(width)×\(height)")
                }
                image = image.centreSquare(side: width)
            }
            files.append(File(name: name, marked: ImageProvenance.isMarked(png: bytes)))
            rows += image.planes(channels: channels).map(Dataset.pixelValue)
        }
        self.files = files
        self.rows = rows
    }
}
