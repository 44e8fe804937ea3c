/// Output rows that see the same kernel rows inside the image: for every position in
/// `outputRows`, the taps of the kernel rows outside `kernelRows` only ever read padding.
public struct RowBand: Sendable, Equatable {
    public let outputRows: Range<Int>
    public let kernelRows: Range<Int>

    public init(outputRows: Range<Int>, kernelRows: Range<Int>) {
        self.outputRows = outputRows
        self.kernelRows = kernelRows
    }
}

/// The row bands the products skip padding by, and the reordering of weights between PyTorch's
/// (rows, channels, k, k) and the tap-major (rows, k, k, channels) the column matrices use.
///
/// Only kernel rows are skipped, not kernel columns: with tap-major rows, the kernel rows a band
/// keeps are one contiguous block of the column matrix, so the band is still one gemm over a
/// shorter k. Kernel columns would split it into a gemm per kernel row, each too short to run
/// near BLAS's peak. For the DCGAN's 4×4 kernels with stride 2 and padding 1, the first and last
/// output rows skip a quarter of their taps: 7 % of the multiply-adds of a 7×7 output.
extension ConvGeometry {
    /// Kernel rows ki whose taps land inside the image from output row `outputRow`:
    /// 0 ≤ outputRow·stride − padding + ki < height. Never empty (padding < kernel and the
    /// output size formula keep every window partly inside).
    public func kernelRows(outputRow: Int) -> Range<Int> {
        let top = outputRow * stride - padding
        return Swift.max(0, -top) ..< Swift.min(kernelSize, height - top)
    }

    /// The output rows, in order, cut into maximal runs with the same kernel rows (the DCGAN's
    /// 4×4, stride 2, padding 1 layers: the first row, the rows between, the last row).
    public var rowBands: [RowBand] {
        var bands: [RowBand] = []
        var start = 0
        for row in 1...outputHeight where row == outputHeight || kernelRows(outputRow: row) != kernelRows(outputRow: start) {
            bands.append(RowBand(outputRows: start..<row, kernelRows: kernelRows(outputRow: start)))
            start = row
        }
        return bands
    }

    /// The output positions (oh·outputWidth + ow) of `band`.
    @inlinable
    public func positions(of band: RowBand) -> Range<Int> {
        band.outputRows.lowerBound * outputWidth ..< band.outputRows.upperBound * outputWidth
    }

    /// The taps (ki·k + kj) `band` keeps: a contiguous range, because its kernel rows are.
    @inlinable
    public func taps(of band: RowBand) -> Range<Int> {
        band.kernelRows.lowerBound * kernelSize ..< band.kernelRows.upperBound * kernelSize
    }

    /// target (rows, k·k, channels) = weight (rows, channels, k, k), as PyTorch stores a
    /// convolution's weight (rows = out) and a transposed one's (rows = in), put in the tap-major
    /// order of the column matrices.
    @inlinable
    public func tapMajor<T: BLASScalar>(_ weight: UnsafePointer<T>, rows: Int, into target: UnsafeMutablePointer<T>) {
        for row in 0..<rows {
            T.transpose(weight + row * patchSize, rows: channels, columns: tapCount, into: target + row * patchSize,
                        rowRange: 0..<channels)
        }
    }

    /// gradient (rows, channels, k, k) = (or += when `accumulate`) tapMajor (rows, k·k, channels):
    /// a weight gradient computed in the column matrices' order, put back in PyTorch's.
    @inlinable
    public func addChannelMajor<T: BLASScalar>(_ tapMajor: UnsafePointer<T>, rows: Int,
                                               into gradient: UnsafeMutablePointer<T>, accumulate: Bool) {
        withUnsafeTemporaryAllocation(of: T.self, capacity: patchSize) { reordered in
            let scratch = reordered.baseAddress!
            for row in 0..<rows {
                let target = gradient + row * patchSize
                T.transpose(tapMajor + row * patchSize, rows: tapCount, columns: channels,
                            into: accumulate ? scratch : target, rowRange: 0..<tapCount)
                if accumulate {
                    for index in 0..<patchSize { target[index] += scratch[index] }
                }
            }
        }
    }
}
