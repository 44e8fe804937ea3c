import Datasets
import Foundation
import TestSupport
import Testing

/// The real MNIST files on the development machine; absent in a fresh clone.
private let mnistFolder = SharedData.mnistFolder

/// Skipped (reported as such) when the MNIST folder is absent, as it is in a user's clone.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: mnistFolder), "needs MNIST in \(mnistFolder)"))
struct MNISTTests {
    @Test func loadsTheTrainingSet() throws {
        let start = ContinuousClock.now
        let data = try DatasetCatalog.load("idx:" + mnistFolder, seed: 0)
        print("MNIST train: \(data.count) images loaded in \(ContinuousClock.now - start)")
        #expect(data.count == 60_000 && data.shape == .image(width: 28, height: 28))
        #expect(data.classNames == (0...9).map(String.init))
        let labels = try #require(data.labels)
        for digit in 0...9 {
            let share = Double(labels.filter { $0 == digit }.count) / 60_000
            #expect(share > 0.08 && share < 0.12, "digit \(digit): \(share)")
        }
        // MNIST's training mean pixel is 33.318 of 255 (the familiar 0.1307), mapped to [-1, 1].
        let samples = data.samples
        let mean = samples.reduce(0.0) { $0 + Double($1) } / Double(samples.count)
        #expect(abs(mean - (33.318 / 127.5 - 1)) < 0.001)
    }

    @Test func loadsTheTestSplitAndHonoursCount() throws {
        let held = try DatasetCatalog.load("idx:" + mnistFolder, seed: 0, split: .test)
        #expect(held.count == 10_000)
        #expect(try DatasetCatalog.load("idx:" + mnistFolder, seed: 0, count: 100).count == 100)
    }
}
