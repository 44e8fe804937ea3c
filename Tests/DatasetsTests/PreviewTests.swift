import Datasets
import Foundation
import Testing

/// Writes contact sheets of the image sets as PGM (gray) or PPM (colour) files, for a person to
/// look at.
///
/// Off unless DATASETS_PREVIEW names a folder, because it checks nothing by itself: run
/// `DATASETS_PREVIEW=/tmp swift test --filter PreviewTests` and open the files.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["DATASETS_PREVIEW"] != nil))
struct PreviewTests {
    @Test(arguments: ["faces", "faces-gray", "digits"])
    func contactSheet(name: String) throws {
        let folder = try #require(ProcessInfo.processInfo.environment["DATASETS_PREVIEW"])
        let data = try DatasetCatalog.load(name, seed: 1, count: 64)
        let path = folder + "/\(name)." + (data.shape.channels == 3 ? "ppm" : "pgm")
        try contactSheet(data, columns: 8).write(to: URL(fileURLWithPath: path))
        print("wrote \(path)")
    }

    /// The first `columns`² images of `data` tiled with a one-pixel grey gap, as binary PGM or PPM.
    private func contactSheet(_ data: Dataset, columns: Int) -> Data {
        guard case .image(let width, let height, let channels) = data.shape else { return Data() }
        let rows = (data.count + columns - 1) / columns
        let sheetWidth = columns * (width + 1) + 1, sheetHeight = rows * (height + 1) + 1
        var pixels = [UInt8](repeating: 128, count: sheetWidth * sheetHeight * channels)
        let plane = width * height
        for index in 0..<data.count {
            let left = 1 + (index % columns) * (width + 1), top = 1 + (index / columns) * (height + 1)
            for (i, value) in data.sample(at: index).enumerated() {
                let (channel, pixel) = (i / plane, i % plane)
                let target = (top + pixel / width) * sheetWidth + left + pixel % width
                pixels[target * channels + channel] = UInt8((value + 1) * 127.5)
            }
        }
        let magic = channels == 3 ? "P6" : "P5"
        return Data("\(magic)\n\(sheetWidth) \(sheetHeight)\n255\n".utf8) + Data(pixels)
    }
}
