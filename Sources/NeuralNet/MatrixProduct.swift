
/// One row-major gemm, C = α·op(A)·op(B) + β·C, run on up to `BLAS.threads` cores by splitting C
/// into bands of columns (or of rows) and handing each band to single-threaded BLAS on its own
/// worker.
///
/// OpenBLAS's own threading forks its pool for every product and leaves the workers spinning
/// (`sched_yield`) between products, where they take a core from the code that runs between
/// them; the DCGAN's step is many short products, so that spin was a sixth of its CPU time
/// (docs/DECISIONS.md). A band is a whole product of its own: each entry of C is one dot product
/// over all of k, in the order one call would take, and only the operand that is not split is
/// packed twice — A for bands of columns, B for bands of rows, so the split takes the smaller.
@usableFromInline
struct MatrixProduct<T: BLASScalar>: @unchecked Sendable {
    // Raw operands handed to the workers, which read A and B and write disjoint bands of C.
    @usableFromInline let transposeA: Bool
    @usableFromInline let transposeB: Bool
    @usableFromInline let m: Int
    @usableFromInline let n: Int
    @usableFromInline let k: Int
    @usableFromInline let alpha: T
    @usableFromInline let a: UnsafePointer<T>
    @usableFromInline let lda: Int
    @usableFromInline let b: UnsafePointer<T>
    @usableFromInline let ldb: Int
    @usableFromInline let beta: T
    @usableFromInline let c: UnsafeMutablePointer<T>
    @usableFromInline let ldc: Int

    @inlinable
    init(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: T, a: UnsafePointer<T>, lda: Int,
         b: UnsafePointer<T>, ldb: Int, beta: T, c: UnsafeMutablePointer<T>, ldc: Int) {
        self.transposeA = transposeA
        self.transposeB = transposeB
        self.m = m
        self.n = n
        self.k = k
        self.alpha = alpha
        self.a = a
        self.lda = lda
        self.b = b
        self.ldb = ldb
        self.beta = beta
        self.c = c
        self.ldc = ldc
    }

    /// Multiply-adds below which a band does not pay for waking a worker (tens of microseconds).
    @inlinable static var minimumBandWork: Int { 1 << 21 }

    /// Band edges are multiples of this many columns, so neighbouring bands of a row never share
    /// a 64-byte cache line of C (for Float; half a line for Double).
    @inlinable static var columnAlignment: Int { 16 }

    /// Runs the product on up to `threads` workers (default: `BLAS.threads`).
    @inlinable
    func run(threads: Int? = nil) {
        let wanted = Swift.min(threads ?? BLAS.threads, m * n * k / Self.minimumBandWork)
        if n >= m {
            let bands = Swift.min(wanted, n / Self.columnAlignment)
            guard bands > 1 else { return columns(0..<n) }
            let blocks = n / Self.columnAlignment
            WorkSplit.perform(iterations: bands) { band in
                let start = blocks * band / bands * Self.columnAlignment
                let end = band == bands - 1 ? n : blocks * (band + 1) / bands * Self.columnAlignment
                columns(start..<end)
            }
        } else {
            let bands = Swift.min(wanted, m)
            guard bands > 1 else { return rows(0..<m) }
            WorkSplit.perform(iterations: bands) { band in
                rows(m * band / bands ..< m * (band + 1) / bands)
            }
        }
    }

    /// Columns `range` of C: the same A times those columns of op(B).
    @inlinable
    func columns(_ range: Range<Int>) {
        let first = range.lowerBound
        T.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: range.count, k: k, alpha: alpha,
               a: a, lda: lda, b: transposeB ? b + first * ldb : b + first, ldb: ldb,
               beta: beta, c: c + first, ldc: ldc)
    }

    /// Rows `range` of C: those rows of op(A) times the same B.
    @inlinable
    func rows(_ range: Range<Int>) {
        let first = range.lowerBound
        T.gemm(transposeA: transposeA, transposeB: transposeB, m: range.count, n: n, k: k, alpha: alpha,
               a: transposeA ? a + first : a + first * lda, lda: lda, b: b, ldb: ldb,
               beta: beta, c: c + first * ldc, ldc: ldc)
    }
}

extension BLASScalar {
    /// `gemm` split across `BLAS.threads` workers when the product is large enough (see
    /// ``MatrixProduct``); the layers' products go through here.
    @inlinable
    public static func parallelGemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                                    a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
                                    beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int) {
        MatrixProduct(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                      a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc).run()
    }
}
