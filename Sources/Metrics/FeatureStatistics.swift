import NeuralNet

/// The mean and covariance of feature vectors, in Double: the Gaussian that the Fréchet
/// distance compares.
public struct FeatureStatistics: Sendable, Equatable {
    public let dimension: Int
    public let count: Int
    public let mean: [Double]
    /// (dimension, dimension), row-major, with the unbiased n − 1 denominator.
    public let covariance: [Double]

    /// Statistics of `count` rows of `dimension` features, back to back in `rows`.
    public init(rows: [Float], dimension: Int) {
        precondition(dimension > 0 && rows.count % dimension == 0, "rows must be whole")
        let count = rows.count / dimension
        var mean = [Double](repeating: 0, count: dimension)
        for (index, value) in rows.enumerated() { mean[index % dimension] += Double(value) }
        let n = Double(max(count, 1))
        mean = mean.map { $0 / n }
        var centred = [Double](repeating: 0, count: rows.count)
        for (index, value) in rows.enumerated() { centred[index] = Double(value) - mean[index % dimension] }
        var covariance = [Double](repeating: 0, count: dimension * dimension)
        // Σ (d, d) = Xᵀ (d, n) · X (n, d) / (n − 1)
        centred.withUnsafeBufferPointer { x in
            covariance.withUnsafeMutableBufferPointer { c in
                guard let xBase = x.baseAddress, let cBase = c.baseAddress, count > 0 else { return }
                Double.gemm(transposeA: true, transposeB: false, m: dimension, n: dimension, k: count,
                            alpha: 1 / Double(max(count - 1, 1)), a: xBase, lda: dimension, b: xBase,
                            ldb: dimension, beta: 0, c: cBase, ldc: dimension)
            }
        }
        self.dimension = dimension
        self.count = count
        self.mean = mean
        self.covariance = covariance
    }

    /// Statistics given directly, e.g. those of a known Gaussian; `count` is informative only.
    public init(mean: [Double], covariance: [Double], count: Int = 0) {
        precondition(!mean.isEmpty && covariance.count == mean.count * mean.count, "need a d × d covariance")
        dimension = mean.count
        self.count = count
        self.mean = mean
        self.covariance = covariance
    }

    /// Σ_ii.
    public var trace: Double { (0..<dimension).reduce(0) { $0 + covariance[$1 * dimension + $1] } }
}
