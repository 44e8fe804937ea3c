import CKernels

/// The shape of a 2-D convolution over feature-major images, and its lowering onto matrix
/// products (im2col / col2im; the chunked products in ConvGeometry+Products.swift).
///
/// Inside a network, image batches are feature-major: (channels, height, width, batch), the batch
/// innermost (see ``FeatureMajor``). `im2col` copies every input patch a kernel position sees into
/// a column matrix (k·k·channels, outputHeight·outputWidth·batch): row (ki·k + kj)·channels + c,
/// column (oh·outputWidth + ow)·batch + n holds x[c, oh·stride − padding + ki,
/// ow·stride − padding + kj, n], zero where that falls in the padding. A convolution is then W
/// (out, k·k·channels) times that matrix, one gemm for the whole batch, whose
/// (out, outputHeight·outputWidth·batch) result is already the next layer's feature-major input;
/// `col2im` is its adjoint (it adds every column entry back onto the pixel it came from) and gives
/// the input gradient of a convolution and the forward pass of a transposed one. With the batch
/// innermost, every entry the two move is a run of `batch` contiguous values, and the columns of a
/// range of output positions are a contiguous range of the product's columns, which is what lets
/// the products go chunk by chunk.
///
/// The rows are tap-major (kernel offset first, channel last), not in PyTorch's (c, ki, kj) weight
/// order, so that the kernel rows a band of output rows sees inside the image are one contiguous
/// block of rows: the products skip the rest, which only ever meet padding (a seventh of the
/// DCGAN's multiply-adds; see ``RowBand``). Weights are reordered to match on the way in and
/// their gradients on the way out (ConvGeometry+TapMajor.swift).
public struct ConvGeometry: Sendable, Equatable {
    public let channels: Int
    public let height: Int
    public let width: Int
    public let kernelSize: Int
    public let stride: Int
    public let padding: Int
    public let outputHeight: Int
    public let outputWidth: Int

    /// PyTorch's output size: ⌊(size + 2·padding − kernel) / stride⌋ + 1.
    public init(channels: Int, height: Int, width: Int, kernelSize: Int, stride: Int, padding: Int) {
        precondition(channels > 0 && height > 0 && width > 0 && kernelSize > 0 && stride > 0 && padding >= 0,
                     "convolution sizes must be positive")
        precondition(height + 2 * padding >= kernelSize && width + 2 * padding >= kernelSize,
                     "kernel \(kernelSize) larger than the padded \(height)×\(width) input")
        // A kernel that only ever sees padding would be legal but useless; PyTorch forbids it too.
        precondition(padding < kernelSize, "padding \(padding) must be smaller than the kernel \(kernelSize)")
        self.channels = channels
        self.height = height
        self.width = width
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        outputHeight = (height + 2 * padding - kernelSize) / stride + 1
        outputWidth = (width + 2 * padding - kernelSize) / stride + 1
    }

    /// Rows of the column matrix: k·k·channels.
    public var patchSize: Int { channels * kernelSize * kernelSize }
    /// Kernel offsets (ki, kj), numbered ki·k + kj.
    public var tapCount: Int { kernelSize * kernelSize }
    public var inputPlane: Int { height * width }
    public var outputPlane: Int { outputHeight * outputWidth }

    /// The geometry as the C kernels take it.
    @inlinable
    var kernelGeometry: gs_conv_geometry {
        gs_conv_geometry(channels: channels, height: height, width: width, kernel: kernelSize, stride: stride,
                         padding: padding, out_height: outputHeight, out_width: outputWidth)
    }

    /// Fills `columns` from `image` (channels, height, width, batch) for the channels in
    /// `channels`, the kernel taps (ki·k + kj) in `taps` and the output positions
    /// (oh·outputWidth + ow) in `positions`: a (taps.count·channels.count, positions.count·batch)
    /// matrix, tap-major like the whole batch's (patchSize, outputPlane·batch) one, of which it
    /// holds those rows and columns.
    @inlinable
    public func im2col<T: BLASScalar>(image: UnsafePointer<T>, columns: UnsafeMutablePointer<T>, batch: Int,
                                      channels: Range<Int>? = nil, taps: Range<Int>? = nil,
                                      positions: Range<Int>? = nil) {
        withUnsafePointer(to: kernelGeometry) {
            T.im2col($0, image: image, columns: columns, batch: batch, channels: channels ?? 0..<self.channels,
                     taps: taps ?? 0..<tapCount, positions: positions ?? 0..<outputPlane)
        }
    }

    /// Overwrites `image` (channels, height, width, batch) with the adjoint of `im2col`: each
    /// pixel is the sum of the column entries that were copied from it. It consumes `columns`,
    /// leaving every entry zero, so the product that fills them next adds onto zeros (β = 1) and
    /// OpenBLAS skips its zeroing pass for β = 0 (im2col.c says why). Channels are split
    /// between the workers (``WorkSplit``); each channel's pixels and columns are written by one
    /// thread only, so the result does not depend on the split.
    @inlinable
    public func col2im<T: BLASScalar>(columns: UnsafeMutablePointer<T>, image: UnsafeMutablePointer<T>, batch: Int,
                                      workers: Int? = nil) {
        let (consumed, target) = (SendablePointer(columns), SendablePointer(image)), geometry = kernelGeometry
        WorkSplit.ranges(of: channels, work: batch * patchSize * outputPlane, workers: workers) { channels in
            withUnsafePointer(to: geometry) {
                T.col2im($0, columns: consumed.pointer, image: target.pointer, batch: batch, channels: channels)
            }
        }
    }
}

/// The two buffers of a chunked product, handed to the workers, which only read `source` and
/// write disjoint parts of `target`.
@usableFromInline
struct SharedPointers<T: BLASScalar>: @unchecked Sendable {
    @usableFromInline let source: UnsafePointer<T>
    @usableFromInline let target: UnsafeMutablePointer<T>

    @inlinable
    init(source: UnsafePointer<T>, target: UnsafeMutablePointer<T>) {
        self.source = source
        self.target = target
    }
}

/// The two layouts of a batch. Networks take and return batch-major rows, (batch, features), as
/// the data sets and PyTorch lay them out; between `unflatten` and `flatten` they keep image
/// batches feature-major, (channels, height, width, batch), so each convolution's gemm reads its
/// input and writes its output with no reordering (see ``ConvGeometry``).
public enum FeatureMajor {
    /// target (features, batch) = sourceᵀ for a batch-major source (batch, features).
    @inlinable
    public static func fromBatchMajor<T: BLASScalar>(_ source: UnsafePointer<T>, _ target: UnsafeMutablePointer<T>,
                                                     batch: Int, features: Int) {
        transpose(source, rows: batch, columns: features, into: target)
    }

    /// target (batch, features) = sourceᵀ for a feature-major source (features, batch).
    @inlinable
    public static func toBatchMajor<T: BLASScalar>(_ source: UnsafePointer<T>, _ target: UnsafeMutablePointer<T>,
                                                   batch: Int, features: Int) {
        transpose(source, rows: features, columns: batch, into: target)
    }

    /// Bands of rows handed to one worker are multiples of this, so that two workers never write
    /// the same 64-byte line of the target.
    @inlinable static var bandAlignment: Int { 16 }

    /// target (columns, rows) = source (rows, columns)ᵀ (the tiled C kernel); bands of rows go to
    /// the workers, each writing its own columns of the target.
    @inlinable
    static func transpose<T: BLASScalar>(_ source: UnsafePointer<T>, rows: Int, columns: Int,
                                         into target: UnsafeMutablePointer<T>) {
        let (from, to) = (SendablePointer(source), SendablePointer(target))
        let blocks = (rows + bandAlignment - 1) / bandAlignment
        WorkSplit.ranges(of: blocks, work: rows * columns) { band in
            let first = band.lowerBound * bandAlignment, end = Swift.min(band.upperBound * bandAlignment, rows)
            T.transpose(from.pointer, rows: rows, columns: columns, into: to.pointer, rowRange: first..<end)
        }
    }

    /// values[c, …] += bias[c] for a feature-major tensor whose channels hold `run` values each.
    @inlinable
    public static func addBias<T: BLASScalar>(_ bias: UnsafePointer<T>, to values: UnsafeMutablePointer<T>,
                                              channels: Int, run: Int) {
        let (shift, target) = (SendablePointer(bias), SendablePointer(values))
        WorkSplit.ranges(of: channels, work: channels * run) { range in
            for c in range {
                let b = shift.pointer[c], row = target.pointer + c * run
                for i in 0..<run { row[i] += b }
            }
        }
    }

    /// Sets every value of channel c to bias[c]: the start of a product that adds onto it (β = 1),
    /// which then needs neither BLAS's zeroing of C nor a pass of `addBias` afterwards.
    @inlinable
    public static func fill<T: BLASScalar>(_ values: UnsafeMutablePointer<T>, withBias bias: UnsafePointer<T>,
                                           channels: Int, run: Int) {
        let (shift, target) = (SendablePointer(bias), SendablePointer(values))
        WorkSplit.ranges(of: channels, work: channels * run) { range in
            for c in range { (target.pointer + c * run).update(repeating: shift.pointer[c], count: run) }
        }
    }

    /// The bias gradient of a per-channel bias: Σ over each channel's `run` values of a
    /// feature-major gradient, added to or written over `gradient` as `mode` says (`.skip` is
    /// not expected).
    @inlinable
    public static func channelSums<T: BLASScalar>(of values: UnsafePointer<T>, into gradient: UnsafeMutablePointer<T>,
                                                  mode: GradientMode, channels: Int, run: Int) {
        let (source, sums) = (SendablePointer(values), SendablePointer(gradient))
        WorkSplit.ranges(of: channels, work: channels * run) { range in
            for c in range {
                let sum = Summation.sum(count: run) { source.pointer[c * run + $0] }
                sums.pointer[c] = mode == .overwrite ? sum : sums.pointer[c] + sum
            }
        }
    }
}
