import Dispatch
import Foundation
import ImageIO
import Synchronization

/// A folder's pictures decoded, cropped and resized: what `folder:PATH` loads and the cache keeps.
struct FolderImages: Equatable {
    let side: Int
    let channels: Int
    /// `count` images back to back, each plane after plane (as ``Dataset`` stores them).
    let pixels: [UInt8]
    let skipped: SkippedFiles

    var count: Int { pixels.count / (side * side * channels) }

    /// Decodes every file of `listing` on `workers` threads (default: one per core; each takes
    /// the next file as it finishes one, as file sizes differ by far more than the split could
    /// even out), calling `progress` after each file with the files done so far, in increasing
    /// order; files that fail are counted in ``skipped``. Images and skipped examples are in
    /// listing order whatever the workers. Throws if no file is usable.
    static func decode(_ listing: FolderListing, side: Int, channels requested: Int?, workers: Int? = nil,
                       progress: @Sendable (Int, Int) -> Void) throws(DatasetError) -> FolderImages {
        let entries = listing.entries, folder = URL(fileURLWithPath: listing.folder)
        let outcomes = Mutex([Result<DecodedImage, any Error>?](repeating: nil, count: entries.count))
        let next = Atomic(0), done = Mutex(0)
        let threads = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, entries.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < entries.count else { break }
                let entry = entries[index]
                let outcome = Result { try decodeFile(folder.appendingPathComponent(entry.path), size: entry.size)
                    .centreSquare(side: side) }
                outcomes.withLock { $0[index] = outcome }
                done.withLock {
                    $0 += 1
                    progress($0, entries.count)
                }
            }
        }
        var tiles: [DecodedImage] = []
        var skippedCount = 0
        var examples: [String] = []
        for (entry, outcome) in zip(entries, outcomes.withLock { $0 }) {
            switch outcome {
            case .success(let tile): tiles.append(tile)
            case .failure(let error):
                skippedCount += 1
                if examples.count < SkippedFiles.shownCount { examples.append("\(entry.path): \(error)") }
            case nil: preconditionFailure("every file is decoded once")
            }
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
