import CBLAS

/// The eigendecomposition A = V diag(λ) Vᵀ of a real symmetric matrix, by LAPACK's `dsyev`.
///
/// Used for matrix square roots of covariance matrices (the Fréchet distance), where a
/// symmetric solver is both faster and more stable than a general one.
///
///     let eigen = try SymmetricEigen(matrix: [2, 1, 1, 2], size: 2)
///     eigen.values          // [1, 3], ascending
///     eigen.vector(1)       // [0.707…, 0.707…]
public struct SymmetricEigen: Sendable {
    public let size: Int
    /// Eigenvalues in ascending order.
    public let values: [Double]
    /// Eigenvectors back to back: vector k is `vectors[k * size ..< (k + 1) * size]`.
    public let vectors: [Double]

    /// Decomposes the `size` × `size` symmetric matrix `matrix` (row-major; symmetric, so
    /// column-major too). Only its upper triangle is read.
    public init(matrix: [Double], size: Int) throws(SymmetricEigenError) {
        precondition(size > 0 && matrix.count == size * size, "need a size × size matrix")
        var work = matrix
        var values = [Double](repeating: 0, count: size)
        let info = work.withUnsafeMutableBufferPointer { a in
            values.withUnsafeMutableBufferPointer { w in gs_dsyev(Int32(size), a.baseAddress, w.baseAddress) }
        }
        guard info == 0 else { throw SymmetricEigenError(info: Int(info)) }
        self.size = size
        self.values = values
        // LAPACK leaves eigenvectors in the columns of a column-major matrix: contiguous per vector.
        vectors = work
    }

    /// Eigenvector `k`, of unit length, belonging to `values[k]`.
    public func vector(_ k: Int) -> ArraySlice<Double> {
        vectors[(k * size)..<((k + 1) * size)]
    }

    /// V diag(f(λ)) Vᵀ, row-major: the matrix function f(A), e.g. a square root with
    /// `f = { max($0, 0).squareRoot() }`.
    public func reconstructed(applying f: (Double) -> Double) -> [Double] {
        let scaled = values.map(f)
        var result = [Double](repeating: 0, count: size * size)
        for k in 0..<size where scaled[k] != 0 {
            let v = vector(k)
            let base = v.startIndex
            for i in 0..<size {
                let factor = scaled[k] * v[base + i]
                for j in 0..<size { result[i * size + j] += factor * v[base + j] }
            }
        }
        return result
    }
}

/// LAPACK could not decompose the matrix (`info` is its code: > 0 means no convergence).
public struct SymmetricEigenError: Error, CustomStringConvertible {
    public let info: Int
    public var description: String { "symmetric eigendecomposition failed (LAPACK dsyev info \(info))" }
}
