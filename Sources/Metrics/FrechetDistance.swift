import NeuralNet

/// The Fréchet (2-Wasserstein) distance between two Gaussians, as FID computes it from Inception
/// features and as ganscope computes it from its own classifier's (FCD):
///
///     d² = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁Σ₂)^{1/2})
///
/// Σ₁Σ₂ is not symmetric, so its square root is not taken directly. Instead, with S = Σ₁^{1/2}
/// (from the eigendecomposition of Σ₁), (Σ₁Σ₂)^{1/2} is similar to (S Σ₂ S)^{1/2}, which is
/// symmetric positive semi-definite: Tr((Σ₁Σ₂)^{1/2}) = Σ √λᵢ(S Σ₂ S). Rounding can make tiny
/// eigenvalues slightly negative; they are clamped to zero.
public enum FrechetDistance {
    /// d² between the Gaussians of `a` and `b` (same dimension); never negative.
    public static func between(_ a: FeatureStatistics, _ b: FeatureStatistics) throws(SymmetricEigenError) -> Double {
        precondition(a.dimension == b.dimension, "feature dimensions differ")
        let d = a.dimension
        let meanTerm = zip(a.mean, b.mean).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let root = try SymmetricEigen(matrix: a.covariance, size: d).reconstructed { max($0, 0).squareRoot() }
        let product = multiply(multiply(root, b.covariance, size: d), root, size: d)
        // Symmetrise: rounding leaves S Σ₂ S a hair off symmetric, and dsyev reads one triangle.
        var symmetric = product
        for i in 0..<d { for j in 0..<d { symmetric[i * d + j] = (product[i * d + j] + product[j * d + i]) / 2 } }
        let crossTrace = try SymmetricEigen(matrix: symmetric, size: d).values.reduce(0) { $0 + max($1, 0).squareRoot() }
        return max(0, meanTerm + a.trace + b.trace - 2 * crossTrace)
    }

    /// The row-major product of two `size` × `size` matrices.
    private static func multiply(_ x: [Double], _ y: [Double], size: Int) -> [Double] {
        var result = [Double](repeating: 0, count: size * size)
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in
                result.withUnsafeMutableBufferPointer { rp in
                    guard let xb = xp.baseAddress, let yb = yp.baseAddress, let rb = rp.baseAddress else { return }
                    Double.gemm(transposeA: false, transposeB: false, m: size, n: size, k: size, alpha: 1,
                                a: xb, lda: size, b: yb, ldb: size, beta: 0, c: rb, ldc: size)
                }
            }
        }
        return result
    }
}
