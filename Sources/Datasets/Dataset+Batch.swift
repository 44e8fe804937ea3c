extension Dataset {
    /// Copies the rows at `indices` back to back into `buffer` as floats.
    ///
    /// This is the trainer's hot path: it draws a random minibatch every step, so the copy avoids
    /// slices and allocation: one `memcpy` per row of floats, or one conversion loop per row of
    /// pixel levels. `buffer` must hold `indices.count * featureCount` floats.
    ///
    ///     let picks = (0..<64).map { _ in rng.index(below: data.count) }
    ///     data.copyBatch(indices: picks, into: &batch)   // or into an UnsafeMutablePointer
    public func copyBatch(indices: some Collection<Int>, into buffer: UnsafeMutablePointer<Float>) {
        switch storage {
        case .floats(let floats):
            copyRows(of: floats, indices: indices, into: buffer) { destination, source, width in
                destination.update(from: source, count: width)
            }
        case .pixels(let pixels):
            copyRows(of: pixels, indices: indices, into: buffer) { destination, source, width in
                for i in 0..<width { destination[i] = Self.pixelValue(source[i]) }
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

    /// Walks the rows of `values` at `indices`, handing `copy` each source row and its place in
    /// `buffer`.
    @inline(__always)
    private func copyRows<Value>(of values: [Value], indices: some Collection<Int>,
                                 into buffer: UnsafeMutablePointer<Float>,
                                 copy: (UnsafeMutablePointer<Float>, UnsafePointer<Value>, Int) -> Void) {
        let width = featureCount
        values.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }  // empty set: no rows to copy
            var destination = buffer
            for index in indices {
                precondition((0..<count).contains(index), "sample index \(index) out of 0..<\(count)")
                copy(destination, base + index * width, width)
                destination += width
            }
        }
    }
}
