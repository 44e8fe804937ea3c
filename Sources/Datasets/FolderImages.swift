import Foundation
import ImageIO

/// A folder's pictures decoded, cropped and resized: what `folder:PATH` loads and the cache keeps.
struct FolderImages: Equatable {
    let side: Int
    let channels: Int
    /// `count` images back to back, each plane after plane (as ``Dataset`` stores them).
    let pixels: [UInt8]
    let skipped: SkippedFiles

    var count: Int { pixels.count / (side * side * channels) }

    /// Decodes every file of `listing`, calling `progress` after each; files that fail are
    /// counted in ``skipped``. Throws if no file is usable.
    static func decode(_ listing: FolderListing, side: Int, channels requested: Int?,
                       progress: (Int, Int) -> Void) throws(DatasetError) -> FolderImages {
        var tiles: [DecodedImage] = []
        var skippedCount = 0
        var examples: [String] = []
        let folder = URL(fileURLWithPath: listing.folder)
        for (index, entry) in listing.entries.enumerated() {
            do {
                let tile = try decodeFile(folder.appendingPathComponent(entry.path), size: entry.size)
                tiles.append(tile.centreSquare(side: side))
            } catch {
                skippedCount += 1
                if examples.count < SkippedFiles.shownCount { examples.append("\(entry.path): \(error)") }
            }
            progress(index + 1, listing.entries.count)
        }
        let skipped = SkippedFiles(count: skippedCount, examples: examples)
        guard !tiles.isEmpty else {
            throw .noImages(folder: listing.folder, skipped: skipped.summary)
        }
        let channels = requested ?? (tiles.contains { $0.channels == 3 } ? 3 : 1)
        var pixels: [UInt8] = []
        pixels.reserveCapacity(tiles.count * side * side * channels)
        for tile in tiles { pixels += tile.planes(channels: channels) }
        return FolderImages(side: side, channels: channels, pixels: pixels, skipped: skipped)
    }

    /// One file's image; an empty file is refused before it is read.
    private static func decodeFile(_ url: URL, size: Int64) throws -> DecodedImage {
        guard size > 0 else { throw FileProblem.empty }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw FileProblem.unreadable
        }
        return try ImageDecoder.decode([UInt8](bytes))
    }

    private enum FileProblem: Error, CustomStringConvertible {
        case empty
        case unreadable
        var description: String {
            switch self {
            case .empty: "empty file"
            case .unreadable: "cannot read the file"
            }
        }
    }
}
