import Randomness

/// A 2-D convolution like PyTorch's `nn.Conv2d` (square kernel, stride, zero padding), on
/// feature-major batches (``FeatureMajor``): x is (in, height, width, batch), y (out, OH, OW, batch).
///
/// Lowered onto matrix products (see `ConvGeometry`): y = W (out, k·k·in) times the patch matrix
/// of the batch (k·k·in, OH·OW·batch), and dL/dW = dL/dy times its transpose, both chunk by chunk
/// of output positions (`patchProduct`, `patchGradient`), so each chunk of patches is copied and
/// used while it is in the cache; dL/dx is Wᵀ·dL/dy put back onto the pixels by col2im
/// (`adjointProduct`). W is the weight in the patches' tap-major order, reordered by each forward
/// pass. Large products keep BLAS near its peak where per-sample products (OH·OW = 49 columns in the DCGAN)
/// would not. Not `Sendable`: its scratch buffers belong to the network, and the network to one
/// thread.
public final class Conv2d<T: BLASScalar> {
    public let geometry: ConvGeometry
    public let outputChannels: Int
    public let weight: Parameter<T>  // (out, in, k, k)
    public let bias: Parameter<T>    // (out)

    /// Chunks of patches for the forward pass and the weight gradient.
    @usableFromInline let patches = PatchScratch<T>()
    /// (k·k·in, OH·OW·batch): Wᵀ·dL/dy, before col2im (`adjointProduct` says why it is kept).
    @usableFromInline var columns = Buffer<T>(count: 0)
    /// The weight, and its gradient before it is put back in PyTorch's order, in the tap-major
    /// order of the patches. The weight is reordered by `forward`, and its `backward` uses it as
    /// it uses that pass's input: a backward pass belongs to the forward pass just before it.
    /// Both (out, k, k, in).
    @usableFromInline let tapMajorWeight: Buffer<T>
    @usableFromInline let tapMajorGradient: Buffer<T>

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
        tapMajorWeight = Buffer(count: weight.value.count)
        tapMajorGradient = Buffer(count: weight.value.count)
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
        // y (out, OH·OW·batch) = b + W (out, in·k·k) · patches (in·k·k, OH·OW·batch)
        FeatureMajor.fill(output, withBias: bias.value.pointer, channels: outputChannels,
                          run: batch * geometry.outputPlane)
        geometry.tapMajor(weight.value.pointer, rows: outputChannels, into: tapMajorWeight.pointer)
        geometry.patchProduct(tapMajorWeight.pointer, rows: outputChannels, image: input, batch: batch, into: output,
                              beta: 1, scratch: patches)
    }

    /// Backward pass for the batch `input`: fills dL/dW and dL/db per `parameterGradients` and
    /// writes dL/dx if `gradInput` is given.
    @inlinable
    public func backward(input: UnsafePointer<T>, gradOutput: UnsafePointer<T>,
                         gradInput: UnsafeMutablePointer<T>?, batch: Int, parameterGradients: GradientMode) {
        if parameterGradients != .skip {
            // dW (out, k·k·in) = dy (out, OH·OW·batch) · patchesᵀ
            geometry.patchGradient(gradOutput, rows: outputChannels, image: input, batch: batch,
                                   into: tapMajorGradient.pointer, scratch: patches)
            geometry.addChannelMajor(tapMajorGradient.pointer, rows: outputChannels, into: weight.gradient.pointer,
                                     accumulate: parameterGradients == .accumulate)
            FeatureMajor.channelSums(of: gradOutput, into: bias.gradient.pointer, mode: parameterGradients,
                                     channels: outputChannels, run: batch * geometry.outputPlane)
        }
        if let gradInput {
            // d columns (k·k·in, OH·OW·batch) = Wᵀ · dy, then back onto the pixels they came from.
            geometry.adjointProduct(tapMajorWeight.pointer, rows: outputChannels, source: gradOutput, batch: batch,
                                    into: gradInput, columns: &columns)
        }
    }
}
