import NeuralNet

/// What the dashboard draws from an autoencoder, all in data space ([−1, 1] pixels, or points)
/// and in evaluation mode (BatchNorm by its running statistics), so each output depends on its
/// own input only. Each runs the training networks, so call it between updates.
extension AutoencoderModel {
    /// The decoded fixed prior noise: (sampleCount, features), row-major.
    public func priorSamples() -> [Float] {
        decode(Array(UnsafeBufferPointer(start: fixedNoise.pointer, count: fixedNoise.count)))
    }

    /// The decoder's output for each latent vector in `z` ((n, L) row-major): (n, features).
    public func decode(_ z: [Float]) -> [Float] {
        let count = rowCount(z, width: latentDimension)
        guard count > 0 else { return [] }
        decoder.isTraining = false
        defer { decoder.isTraining = true }
        let output = z.withUnsafeBufferPointer { decoder.forward($0.baseAddress!, batch: count) }
        toDataSpace(output, count: count * features)
        return Array(UnsafeBufferPointer(start: output, count: count * features))
    }

    /// The encoder's code for each data row in `rows` ((n, features), data space): z for the
    /// AE, the posterior mean μ for the VAE; (n, L).
    public func latentMeans(of rows: [Float]) -> [Float] {
        let count = rowCount(rows, width: features)
        guard count > 0 else { return [] }
        encoder.isTraining = false
        defer { encoder.isTraining = true }
        let code = rows.withUnsafeBufferPointer { encoder.forward($0.baseAddress!, batch: count) }
        let width = codeSize, z = latentDimension
        return (0..<count).flatMap { row in Array(UnsafeBufferPointer(start: code + row * width, count: z)) }
    }

    /// Each data row decoded from its code (the VAE's mean, not a random draw, so the strip holds
    /// still between frames): (n, features), for a strip of inputs above their reconstructions.
    public func reconstructions(of rows: [Float]) -> [Float] {
        decode(latentMeans(of: rows))
    }

    private func rowCount(_ values: [Float], width: Int) -> Int {
        precondition(values.count.isMultiple(of: width), "\(values.count) values are not rows of \(width)")
        return values.count / width
    }
}
