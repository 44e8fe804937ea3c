extension Dataset {
    /// Copies the rows at `indices` back to back into `buffer`, one `memcpy` per row.
    ///
    /// This is the trainer's hot path: it draws a random minibatch every step, so the copy avoids
    /// slices and per-element work. `buffer` must hold `indices.count * featureCount` floats.
    ///
    ///     let picks = (0..<64).map { _ in rng.index(below: data.count) }
    ///     data.copyBatch(indices: picks, into: &batch)   // or into an UnsafeMutablePointer
    public func copyBatch(indices: some Collection<Int>, into buffer: UnsafeMutablePointer<Float>) {
        let width = featureCount
        samples.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }  // empty set: no rows to copy
            var destination = buffer
            for index in indices {
                precondition((0..<count).contains(index), "sample index \(index) out of 0..<\(count)")
                destination.update(from: base + index * width, count: width)
                destination += width
            }
        }
    }

    /// Copies the rows at `indices` into `batch`, which must hold `indices.count * featureCount` floats.
    public func copyBatch(indices: some Collection<Int>, into batch: inout [Float]) {
        precondition(batch.count >= indices.count * featureCount, "batch buffer too small")
        batch.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }  // empty buffer: no rows requested
            copyBatch(indices: indices, into: base)
        }
    }

    /// The labels at `indices`, in order; nil when the set has no labels.
    public func labels(at indices: some Collection<Int>) -> [Int]? {
        guard let labels else { return nil }
        return indices.map { labels[$0] }
    }
}
