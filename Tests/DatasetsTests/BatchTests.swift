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
}
