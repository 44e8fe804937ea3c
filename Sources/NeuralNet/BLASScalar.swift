import CBLAS
import CKernels
import RealModule

/// A floating-point type the networks can compute in: `Float` for training, `Double` for the
/// finite-difference gradient checks, which run the very same layer code.
public protocol BLASScalar: Real, BinaryFloatingPoint, Sendable {
    /// Row-major `C = alpha * op(A) * op(B) + beta * C` (BLAS gemm); `op` transposes when asked.
    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
                     beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// tanh for the activation loops: fast for Float (see `FastMath`), exact for Double.
    static func activationTanh(_ x: Self) -> Self
    /// The logistic function for the activation loops: fast for Float, exact for Double.
    static func activationSigmoid(_ x: Self) -> Self
    /// `ConvGeometry.im2col` for the channels in `channels`, the kernel taps in `taps` and the
    /// output positions in `positions` (the C kernel for this type).
    static func im2col(_ geometry: UnsafePointer<gs_conv_geometry>, image: UnsafePointer<Self>,
                       columns: UnsafeMutablePointer<Self>, batch: Int, channels: Range<Int>, taps: Range<Int>,
                       positions: Range<Int>)
    /// `ConvGeometry.col2im` for the channels in `channels` (the C kernel for this type).
    static func col2im(_ geometry: UnsafePointer<gs_conv_geometry>, columns: UnsafeMutablePointer<Self>,
                       image: UnsafeMutablePointer<Self>, batch: Int, channels: Range<Int>)
    /// ReLU in place (the C kernel for this type; ``Activation`` says what it computes).
    static func relu(_ values: UnsafeMutablePointer<Self>, count: Int)
    /// ReLU's backward pass through its output (the C kernel for this type).
    static func reluBackward(gradient: UnsafeMutablePointer<Self>, output: UnsafePointer<Self>, count: Int)
    /// LeakyReLU in place (the C kernel for this type).
    static func leakyReLU(_ values: UnsafeMutablePointer<Self>, count: Int, slope: Self)
    /// LeakyReLU's backward pass through its output (the C kernel for this type).
    static func leakyReLUBackward(gradient: UnsafeMutablePointer<Self>, output: UnsafePointer<Self>, count: Int,
                                  slope: Self)
    /// Rows `rowRange` of target (columns, rows) = source (rows, columns)ᵀ (the C kernel for this type).
    static func transpose(_ source: UnsafePointer<Self>, rows: Int, columns: Int, into target: UnsafeMutablePointer<Self>,
                          rowRange: Range<Int>)
}

extension Float: BLASScalar {

    @inlinable
    public static func relu(_ values: UnsafeMutablePointer<Float>, count: Int) { gs_relu_f32(values, count) }

    @inlinable
    public static func reluBackward(gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int) {
        gs_relu_backward_f32(gradient, output, count)
    }

    @inlinable
    public static func leakyReLU(_ values: UnsafeMutablePointer<Float>, count: Int, slope: Float) {
        gs_leaky_relu_f32(values, count, slope)
    }

    @inlinable
    public static func leakyReLUBackward(gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int,
                                         slope: Float) {
        gs_leaky_relu_backward_f32(gradient, output, count, slope)
    }

    @inlinable
    public static func transpose(_ source: UnsafePointer<Float>, rows: Int, columns: Int,
                                 into target: UnsafeMutablePointer<Float>, rowRange: Range<Int>) {
        gs_transpose_f32(source, rows, columns, target, rowRange.lowerBound, rowRange.upperBound)
    }
    @inlinable public static func activationTanh(_ x: Float) -> Float { FastMath.tanh(x) }
    @inlinable public static func activationSigmoid(_ x: Float) -> Float { FastMath.sigmoid(x) }

    @inlinable
    public static func im2col(_ geometry: UnsafePointer<gs_conv_geometry>, image: UnsafePointer<Float>,
                              columns: UnsafeMutablePointer<Float>, batch: Int, channels: Range<Int>, taps: Range<Int>,
                              positions: Range<Int>) {
        gs_im2col_f32(geometry, image, columns, batch, channels.lowerBound, channels.upperBound, taps.lowerBound,
                      taps.upperBound, positions.lowerBound, positions.upperBound)
    }

    @inlinable
    public static func col2im(_ geometry: UnsafePointer<gs_conv_geometry>, columns: UnsafeMutablePointer<Float>,
                              image: UnsafeMutablePointer<Float>, batch: Int, channels: Range<Int>) {
        gs_col2im_f32(geometry, columns, image, batch, channels.lowerBound, channels.upperBound)
    }

    @inlinable
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                            a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                            beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        gs_sgemm(transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), alpha, a,
                 Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}

extension Double: BLASScalar {

    @inlinable
    public static func relu(_ values: UnsafeMutablePointer<Double>, count: Int) { gs_relu_f64(values, count) }

    @inlinable
    public static func reluBackward(gradient: UnsafeMutablePointer<Double>, output: UnsafePointer<Double>, count: Int) {
        gs_relu_backward_f64(gradient, output, count)
    }

    @inlinable
    public static func leakyReLU(_ values: UnsafeMutablePointer<Double>, count: Int, slope: Double) {
        gs_leaky_relu_f64(values, count, slope)
    }

    @inlinable
    public static func leakyReLUBackward(gradient: UnsafeMutablePointer<Double>, output: UnsafePointer<Double>, count: Int,
                                         slope: Double) {
        gs_leaky_relu_backward_f64(gradient, output, count, slope)
    }

    @inlinable
    public static func transpose(_ source: UnsafePointer<Double>, rows: Int, columns: Int,
                                 into target: UnsafeMutablePointer<Double>, rowRange: Range<Int>) {
        gs_transpose_f64(source, rows, columns, target, rowRange.lowerBound, rowRange.upperBound)
    }
    @inlinable public static func activationTanh(_ x: Double) -> Double { Double.tanh(x) }
    @inlinable public static func activationSigmoid(_ x: Double) -> Double { 1 / (1 + Double.exp(-x)) }

    @inlinable
    public static func im2col(_ geometry: UnsafePointer<gs_conv_geometry>, image: UnsafePointer<Double>,
                              columns: UnsafeMutablePointer<Double>, batch: Int, channels: Range<Int>, taps: Range<Int>,
                              positions: Range<Int>) {
        gs_im2col_f64(geometry, image, columns, batch, channels.lowerBound, channels.upperBound, taps.lowerBound,
                      taps.upperBound, positions.lowerBound, positions.upperBound)
    }

    @inlinable
    public static func col2im(_ geometry: UnsafePointer<gs_conv_geometry>, columns: UnsafeMutablePointer<Double>,
                              image: UnsafeMutablePointer<Double>, batch: Int, channels: Range<Int>) {
        gs_col2im_f64(geometry, columns, image, batch, channels.lowerBound, channels.upperBound)
    }

    @inlinable
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                            a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                            beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        gs_dgemm(transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), alpha, a,
                 Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
