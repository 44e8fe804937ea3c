import NeuralNet
import Randomness

extension MLP where T == Float {
    /// Rows per forward pass when running the network over many rows. It bounds the activation
    /// buffers, which a network keeps for its largest batch: 128 rows of the classifier take 1.7 MB
    /// (512 took 7 MB).
    static var rowsPerPass: Int { 128 }

    /// Runs the network over every row of `rows` in chunks of at most `chunk` rows (bounding
    /// the activation buffers) and collects the values after each layer boundary in `boundaries`
    /// (as in `values(after:)`: 0 is the input, `layers.count` the output).
    func outputs(for rows: ArraySlice<Float>, boundaries: [Int], chunk: Int = rowsPerPass) -> [[Float]] {
        let count = rows.count / inputSize
        var collected = boundaries.map { _ in [Float]() }
        for (slot, boundary) in boundaries.enumerated() { collected[slot].reserveCapacity(count * width(after: boundary)) }
        rows.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            var start = 0
            while start < count {
                let batch = Swift.min(chunk, count - start)
                _ = forward(base + start * inputSize, batch: batch)
                for (slot, boundary) in boundaries.enumerated() {
                    collected[slot].append(contentsOf: UnsafeBufferPointer(start: values(after: boundary),
                                                                            count: batch * width(after: boundary)))
                }
                start += batch
            }
        }
        return collected
    }

    /// The network's outputs for every row of `rows`.
    func outputs(for rows: ArraySlice<Float>) -> [Float] {
        outputs(for: rows, boundaries: [layers.count])[0]
    }

    /// `count` fresh generator outputs from standard normal noise drawn from `rng`.
    func generate(count: Int, rng: inout SeededRNG) -> [Float] {
        var noise = [Float](repeating: 0, count: count * inputSize)
        rng.fillGaussian(&noise)
        return outputs(for: noise[...])
    }
}
