import Randomness

/// A 2-D convolution like PyTorch's `nn.Conv2d` (square kernel, stride, zero padding), on
/// feature-major batches (``FeatureMajor``): x is (in, height, width, batch), y (out, OH, OW, batch).
///
/// Lowered onto one gemm for the whole batch (see `ConvGeometry`): im2col of the batch into an
/// (in·k·k, OH·OW·batch) matrix, W (out, in·k·k) times it straight into y, then the bias added.
/// One large product keeps BLAS near its peak where per-sample products (OH·OW = 49 columns in
/// the DCGAN) would not. Not `Sendable`: its scratch buffers belong to the network, and the
/// network to one thread.
public final class Conv2d<T: BLASScalar> {
    public let geometry: ConvGeometry
    public let outputChannels: Int
    public let weight: Parameter<T>  // (out, in, k, k)
    public let bias: Parameter<T>    // (out)

    /// (in·k·k, OH·OW·batch): the patches of the last pass.
    @usableFromInline var columns = Buffer<T>(count: 0)
    /// The input (address and batch) whose patches `columns` holds, if it still holds them.
    @usableFromInline var columnsSource: (input: UnsafePointer<T>, batch: Int)?

    /// A layer initialised as PyTorch's `nn.Conv2d` is by default: weight, then bias, uniform in
    /// ±1/√fan_in with fan_in = in·k·k.
    public init(inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int, padding: Int,
                inputHeight: Int, inputWidth: Int, namePrefix: String, rng: inout SeededRNG) {
        precondition(outChannels > 0, "a convolution needs at least one output channel")
        geometry = ConvGeometry(channels: inChannels, height: inputHeight, width: inputWidth,
                                kernelSize: kernelSize, stride: stride, padding: padding)
        outputChannels = outChannels
        weight = Parameter(name: namePrefix + "weight", shape: [outChannels, inChannels, kernelSize, kernelSize])
        bias = Parameter(name: namePrefix + "bias", shape: [outChannels])
        let bound = 1 / Double(geometry.patchSize).squareRoot()
        weight.initialiseUniform(bound: bound, rng: &rng)
        bias.initialiseUniform(bound: bound, rng: &rng)
    }

    public var parameters: [Parameter<T>] { [weight, bias] }
    public var outputHeight: Int { geometry.outputHeight }
    public var outputWidth: Int { geometry.outputWidth }
    /// Scalars per sample: in·H·W.
    public var inputCount: Int { geometry.channels * geometry.inputPlane }
    /// Scalars per sample: out·OH·OW.
    public var outputCount: Int { outputChannels * geometry.outputPlane }
    /// Multiply-adds of one forward pass for one sample: out·OH·OW·in·k·k.
    public var multiplyAddsPerSample: Int { outputCount * geometry.patchSize }

    /// y = conv(x, W) + b.
    @inlinable
    public func forward(input: UnsafePointer<T>, output: UnsafeMutablePointer<T>, batch: Int) {
        let pixels = batch * geometry.outputPlane
        reserve(pixels: pixels)
        geometry.im2col(image: input, columns: columns.pointer, batch: batch)
        columnsSource = (input, batch)
        // y (out, OH·OW·batch) = b + W (out, in·k·k) · columns (in·k·k, OH·OW·batch)
        FeatureMajor.fill(output, withBias: bias.value.pointer, channels: outputChannels, run: pixels)
        T.parallelGemm(transposeA: false, transposeB: false, m: outputChannels, n: pixels, k: geometry.patchSize,
                       alpha: 1, a: weight.value.pointer, lda: geometry.patchSize, b: columns.pointer, ldb: pixels,
                       beta: 1, c: output, ldc: pixels)
    }

    /// Backward pass for the batch `input`: fills dL/dW and dL/db per `parameterGradients` and
    /// writes dL/dx if `gradInput` is given.
    ///
    /// Given the same input buffer and batch as the last `forward`, it reuses that pass's patches
    /// instead of redoing im2col (which writes as much memory as the whole product reads), so the
    /// input must not change in between — the networks keep each layer's input untouched until
    /// the backward pass, as they must for every layer.
    @inlinable
    public func backward(input: UnsafePointer<T>, gradOutput: UnsafePointer<T>,
                         gradInput: UnsafeMutablePointer<T>?, batch: Int, parameterGradients: GradientMode) {
        let pixels = batch * geometry.outputPlane, patch = geometry.patchSize
        reserve(pixels: pixels)
        if parameterGradients != .skip {
            if columnsSource?.input != input || columnsSource?.batch != batch {
                geometry.im2col(image: input, columns: columns.pointer, batch: batch)
                columnsSource = (input, batch)
            }
            // dW (out, in·k·k) = dy (out, OH·OW·batch) · columnsᵀ
            T.parallelGemm(transposeA: false, transposeB: true, m: outputChannels, n: patch, k: pixels, alpha: 1,
                           a: gradOutput, lda: pixels, b: columns.pointer, ldb: pixels,
                           beta: parameterGradients == .accumulate ? 1 : 0, c: weight.gradient.pointer, ldc: patch)
            FeatureMajor.channelSums(of: gradOutput, into: bias.gradient.pointer, mode: parameterGradients,
                                     channels: outputChannels, run: pixels)
        }
        if let gradInput {
            columnsSource = nil
            // d columns (in·k·k, OH·OW·batch) = Wᵀ · dy, then back onto the pixels they came from.
            T.parallelGemm(transposeA: true, transposeB: false, m: patch, n: pixels, k: outputChannels, alpha: 1,
                           a: weight.value.pointer, lda: patch, b: gradOutput, ldb: pixels,
                           beta: 0, c: columns.pointer, ldc: pixels)
            geometry.col2im(columns: columns.pointer, image: gradInput, batch: batch)
        }
    }

    @usableFromInline
    func reserve(pixels: Int) {
        if geometry.patchSize * pixels > columns.count { columnsSource = nil }
        columns = columns.growing(toHold: geometry.patchSize * pixels)
    }
}
