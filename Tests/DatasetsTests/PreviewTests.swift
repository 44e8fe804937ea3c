import Datasets
import Foundation
import Testing

/// Writes contact sheets of the image sets as PGM files, for a person to look at.
///
/// Off unless DATASETS_PREVIEW names a folder, because it checks nothing by itself: run
/// `DATASETS_PREVIEW=/tmp swift test --filter PreviewTests` and open the files.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["DATASETS_PREVIEW"] != nil))
struct PreviewTests {
    @Test(arguments: ["faces", "digits"])
    func contactSheet(name: String) throws {
        let folder = try #require(ProcessInfo.processInfo.environment["DATASETS_PREVIEW"])
        let data = try DatasetCatalog.load(name, seed: 1, count: 64)
        let path = folder + "/\(name).pgm"
        try pgmGrid(data, columns: 8).write(to: URL(fileURLWithPath: path))
        print("wrote \(path)")
    }

    /// The first `columns`² images of `data` tiled with a one-pixel grey gap, as binary PGM.
    private func pgmGrid(_ data: Dataset, columns: Int) -> Data {
        guard case .image(let width, let height, _) = data.shape else { return Data() }
        let rows = (data.count + columns - 1) / columns
        let sheetWidth = columns * (width + 1) + 1, sheetHeight = rows * (height + 1) + 1
        var pixels = [UInt8](repeating: 128, count: sheetWidth * sheetHeight)
        for index in 0..<data.count {
            let left = 1 + (index % columns) * (width + 1), top = 1 + (index / columns) * (height + 1)
            for (i, value) in data.sample(at: index).enumerated() {
                pixels[(top + i / width) * sheetWidth + left + i % width] = UInt8((value + 1) * 127.5)
            }
        }
        return Data("P5\n\(sheetWidth) \(sheetHeight)\n255\n".utf8) + Data(pixels)
    }
}
