import CKernels
import Dispatch

/// The shape of a 2-D convolution over NCHW images, and its lowering onto one matrix product for
/// the whole batch (im2col / col2im).
///
/// An image batch is (batch, channels, height, width), each sample one row of the batch as
/// `DataShape` lays it out. `im2col` copies every input patch a kernel position sees into a
/// column matrix (channels·k·k, batch·outputHeight·outputWidth): row (c, ki, kj), column
/// (n, oh, ow) holds x[n, c, oh·stride − padding + ki, ow·stride − padding + kj], zero where that
/// falls in the padding. A convolution is then W (out, channels·k·k) times that matrix, one gemm
/// for the whole batch; `col2im` is its adjoint (it adds every column entry back onto the pixel it
/// came from) and gives the input gradient of a convolution and the forward pass of a transposed
/// one.
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

    /// Rows of the column matrix: channels·k·k.
    public var patchSize: Int { channels * kernelSize * kernelSize }
    public var inputPlane: Int { height * width }
    public var outputPlane: Int { outputHeight * outputWidth }

    /// The geometry as the C kernels take it.
    @inlinable
    var kernelGeometry: gs_conv_geometry {
        gs_conv_geometry(channels: channels, height: height, width: width, kernel: kernelSize, stride: stride,
                         padding: padding, out_height: outputHeight, out_width: outputWidth)
    }

    /// Fills `columns` (patchSize, batch·outputPlane) from `image` (batch, channels, height, width),
    /// on `workers` threads (default: as many as BLAS uses, if the work is large enough).
    @inlinable
    public func im2col<T: BLASScalar>(image: UnsafePointer<T>, columns: UnsafeMutablePointer<T>, batch: Int,
                                      workers: Int? = nil) {
        let shared = SharedPointers(source: image, target: columns), geometry = kernelGeometry
        splitChannels(work: batch * patchSize * outputPlane, workers: workers) { channels in
            withUnsafePointer(to: geometry) {
                T.im2col($0, image: shared.source, columns: shared.target, batch: batch, channels: channels)
            }
        }
    }

    /// Overwrites `image` (batch, channels, height, width) with the adjoint of `im2col`: each
    /// pixel is the sum of the column entries that were copied from it.
    @inlinable
    public func col2im<T: BLASScalar>(columns: UnsafePointer<T>, image: UnsafeMutablePointer<T>, batch: Int,
                                      workers: Int? = nil) {
        let shared = SharedPointers(source: columns, target: image), geometry = kernelGeometry
        splitChannels(work: batch * patchSize * outputPlane, workers: workers) { channels in
            withUnsafePointer(to: geometry) {
                T.col2im($0, columns: shared.source, image: shared.target, batch: batch, channels: channels)
            }
        }
    }

    /// Scalars to move below which a second thread costs more than it saves.
    @inlinable static var minimumParallelWork: Int { 1 << 16 }

    /// Runs `body` on disjoint ranges of channels, one per BLAS thread when the work is large
    /// enough: the gemms use those cores, and between gemms they would idle. Each channel's
    /// columns and pixels are written by one thread only, so the result does not depend on the split.
    @inlinable
    func splitChannels(work: Int, workers: Int?, _ body: @Sendable (Range<Int>) -> Void) {
        let wanted = workers ?? Swift.min(BLAS.threads, work / Self.minimumParallelWork)
        let parts = Swift.max(1, Swift.min(wanted, channels))
        if parts == 1 { return body(0..<channels) }
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            body(channels * part / parts ..< channels * (part + 1) / parts)
        }
    }
}

/// The two buffers of an im2col or col2im, handed to the threads of `splitChannels`, which
/// write disjoint channels of `target` and only read `source`.
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

/// Moves between the batch-major layout of activations, (batch, channels, plane), and the
/// channel-major one the gemms produce and consume, (channels, batch·plane).
public enum ChannelLayout {
    @inlinable
    public static func toChannelMajor<T: BLASScalar>(_ source: UnsafePointer<T>, _ target: UnsafeMutablePointer<T>,
                                                     batch: Int, channels: Int, plane: Int) {
        for n in 0..<batch {
            for c in 0..<channels {
                (target + (c * batch + n) * plane).update(from: source + (n * channels + c) * plane, count: plane)
            }
        }
    }

    /// target[n, c, :] = source[c, n·plane ..< (n + 1)·plane] + bias[c].
    @inlinable
    public static func toBatchMajor<T: BLASScalar>(_ source: UnsafePointer<T>, _ target: UnsafeMutablePointer<T>,
                                                   adding bias: UnsafePointer<T>?,
                                                   batch: Int, channels: Int, plane: Int) {
        for n in 0..<batch {
            for c in 0..<channels {
                let from = source + (c * batch + n) * plane, to = target + (n * channels + c) * plane
                if let bias {
                    let b = bias[c]
                    for i in 0..<plane { to[i] = from[i] + b }
                } else {
                    to.update(from: from, count: plane)
                }
            }
        }
    }

    /// values[n, c, :] += bias[c] for a batch-major tensor.
    @inlinable
    public static func addBias<T: BLASScalar>(_ bias: UnsafePointer<T>, to values: UnsafeMutablePointer<T>,
                                              batch: Int, channels: Int, plane: Int) {
        for n in 0..<batch {
            for c in 0..<channels {
                let b = bias[c], row = values + (n * channels + c) * plane
                for i in 0..<plane { row[i] += b }
            }
        }
    }

    /// The bias gradient of a per-channel bias: Σ over samples and pixels of a batch-major
    /// gradient, added to or written over `gradient` as `mode` says (`.skip` is not expected).
    @inlinable
    public static func channelSums<T: BLASScalar>(of values: UnsafePointer<T>, into gradient: UnsafeMutablePointer<T>,
                                                  mode: GradientMode, batch: Int, channels: Int, plane: Int) {
        if mode == .overwrite { gradient.update(repeating: 0, count: channels) }
        for n in 0..<batch {
            for c in 0..<channels {
                let row = values + (n * channels + c) * plane
                var sum: T = 0
                for i in 0..<plane { sum += row[i] }
                gradient[c] += sum
            }
        }
    }
}
