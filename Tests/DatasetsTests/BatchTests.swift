import Datasets
import Testing

@Suite struct BatchTests {
    @Test func copiesRowsInOrder() throws {
        let data = Dataset(name: "tiny", shape: .image(width: 2, height: 1), samples: [0, 1, 10, 11, 20, 21],
                           labels: [0, 1, 0], classNames: ["a", "b"])
        var batch = [Float](repeating: -9, count: 8)
        data.copyBatch(indices: [2, 0, 2, 1], into: &batch)
        #expect(batch == [20, 21, 0, 1, 20, 21, 10, 11])
        batch.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            data.copyBatch(indices: 1..<3, into: base)
        }
        #expect(batch.prefix(4) == [10, 11, 20, 21])
        #expect(data.labels(at: [2, 1]) == [0, 1])
        #expect(data.sample(at: 1) == [10, 11])
    }

    /// Pixel levels become floats (b / 127.5 − 1) as rows are copied, and a subset keeps bytes and labels.
    @Test func convertsPixelLevelsPerRow() throws {
        let data = Dataset(name: "bytes", shape: .image(width: 2, height: 1), pixels: [0, 255, 51, 204, 102, 153],
                           labels: [0, 1, 0], classNames: ["a", "b"])
        let value = { (level: Float) in level / 127.5 - 1 }
        var batch = [Float](repeating: -9, count: 6)
        data.copyBatch(indices: [2, 0, 1], into: &batch)
        #expect(batch == [value(102), value(153), -1, 1, value(51), value(204)])
        #expect(data.rows(1..<3) == [value(51), value(204), value(102), value(153)])
        let picked = data.subset([2, 1])
        #expect(picked.count == 2 && picked.labels == [0, 1] && picked.samples == data.rows(2..<3) + data.rows(1..<2))
        #expect(Dataset.pixelValue(Dataset.pixelLevel(intensity: 0.2)) == value(51))
    }
}
