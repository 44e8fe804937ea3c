/// Vectorisable elementwise exponentials for the hot activation loops.
///
/// glibc's scalar `expf`/`tanhf` cost ~10 ns each and the generator's tanh output alone touches
/// 100k values a step, so Float gets its own approximation: exp(x) = 2^n · e^f with |f| ≤ ln2/2 and
/// e^f from its Taylor series to degree 7 (relative error < 2e-8, below Float's resolution). The
/// loop is branch-free, so the compiler turns it into AVX lanes. Double (used by gradient checks)
/// keeps the exact library functions.
public enum FastMath {
    /// exp(x) for Float, accurate to about one ulp on [-87, 88]; clamps outside.
    @inlinable @inline(__always)
    public static func exp(_ x: Float) -> Float {
        let clamped = Swift.min(Swift.max(x, -87), 88)
        // Round x · log2(e) to nearest by adding and removing 1.5 · 2^23, which pushes the
        // fraction out of the mantissa; unlike `rounded()` (a libm call) this vectorises.
        let n = (clamped * 1.442_695_04 + 12_582_912) - 12_582_912
        // f = x − n·ln2 with ln2 split in two (355/512 exactly, plus the rest) so the product
        // with n loses no bits (Cody & Waite); |f| ≤ ln2 / 2.
        let f = (clamped - n * 0.693_359_375) + n * 2.121_944_4e-4
        // Taylor series of e^f, Horner form.
        var p: Float = 1.0 / 5040
        p = p * f + 1.0 / 720
        p = p * f + 1.0 / 120
        p = p * f + 1.0 / 24
        p = p * f + 1.0 / 6
        p = p * f + 0.5
        p = p * f + 1
        p = p * f + 1
        let twoToN = Float(bitPattern: UInt32(bitPattern: Int32(n) + 127) << 23)
        return p * twoToN
    }

    /// tanh(x) = sign(x) · (1 − 2 / (e^{2|x|} + 1)); absolute error below 1e-7.
    @inlinable @inline(__always)
    public static func tanh(_ x: Float) -> Float {
        let magnitude = 1 - 2 / (exp(2 * Swift.abs(x)) + 1)
        return x < 0 ? -magnitude : magnitude
    }

    /// The logistic function 1 / (1 + e^{−x}).
    @inlinable @inline(__always)
    public static func sigmoid(_ x: Float) -> Float {
        1 / (1 + exp(-x))
    }
}
