import Randomness

/// A transposed 2-D convolution like PyTorch's `nn.ConvTranspose2d` (square kernel, stride,
/// padding, no output padding): the adjoint of the `Conv2d` with the same kernel, stride and
/// padding, so it upsamples. Batches are feature-major (``FeatureMajor``): x is (in, H, W, batch),
/// y is (out, OH, OW, batch) with OH = (H − 1)·stride − 2·padding + k. The weight is
/// (in, out, k, k), as PyTorch stores it.
///
/// Lowered onto gemms for the whole batch: Wᵀ (k·k·out, in) times x (in, H·W·batch) gives one
/// column of patch contributions per input pixel, and col2im adds them onto the output
/// (`adjointProduct`; `geometry` describes the convolution from the output back to the input,
/// whose col2im that is). The backward pass reads the patches of dL/dy chunk by chunk
/// (`patchProduct`, `patchGradient`). W is the weight in the patches' tap-major order, reordered by
/// each forward pass. Not `Sendable`, like `Conv2d`.
public final class ConvTranspose2d<T: BLASScalar> {
    /// The convolution this layer is the adjoint of: from (out, OH, OW) to (in, H, W).
    public let geometry: ConvGeometry
    public let inputChannels: Int
    public let weight: Parameter<T>  // (in, out, k, k)
    public let bias: Parameter<T>    // (out)

    /// (k·k·out, H·W·batch): the patch contributions of the forward pass (`adjointProduct` says
    /// why it is kept).
    @usableFromInline var columns = Buffer<T>(count: 0)
    /// The weight, and its gradient before it is put back in PyTorch's order, in the tap-major
    /// order of the patches. The weight is reordered by `forward`, and its `backward` uses it as
    /// it uses that pass's input: a backward pass belongs to the forward pass just before it.
    /// Both (in, k, k, out).
    @usableFromInline let tapMajorWeight: Buffer<T>
    @usableFromInline let tapMajorGradient: Buffer<T>
    /// Chunks of dL/dy's patches for the backward pass.
    @usableFromInline let patches = PatchScratch<T>()

    /// A layer initialised as PyTorch's `nn.ConvTranspose2d` is by default: weight, then bias,
    /// uniform in ±1/√fan_in, where PyTorch takes fan_in from the weight's second dimension,
    /// so fan_in = out·k·k.
    public init(inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int, padding: Int,
                inputHeight: Int, inputWidth: Int, namePrefix: String, rng: inout SeededRNG) {
        precondition(inChannels > 0 && inputHeight > 0 && inputWidth > 0, "transposed convolution sizes must be positive")
        let outputHeight = (inputHeight - 1) * stride - 2 * padding + kernelSize
        let outputWidth = (inputWidth - 1) * stride - 2 * padding + kernelSize
        precondition(outputHeight > 0 && outputWidth > 0,
                     "a \(inputHeight)×\(inputWidth) input gives no output with this kernel, stride and padding")
        geometry = ConvGeometry(channels: outChannels, height: outputHeight, width: outputWidth,
                                kernelSize: kernelSize, stride: stride, padding: padding)
        inputChannels = inChannels
        weight = Parameter(name: namePrefix + "weight", shape: [inChannels, outChannels, kernelSize, kernelSize])
        bias = Parameter(name: namePrefix + "bias", shape: [outChannels])
        let bound = 1 / Double(geometry.patchSize).squareRoot()
        weight.initialiseUniform(bound: bound, rng: &rng)
        bias.initialiseUniform(bound: bound, rng: &rng)
        tapMajorWeight = Buffer(count: weight.value.count)
        tapMajorGradient = Buffer(count: weight.value.count)
    }

    public var parameters: [Parameter<T>] { [weight, bias] }
    public var outputChannels: Int { geometry.channels }
    public var outputHeight: Int { geometry.height }
    public var outputWidth: Int { geometry.width }
    /// Scalars per sample: in·H·W.
    public var inputCount: Int { inputChannels * geometry.outputPlane }
    /// Scalars per sample: out·OH·OW.
    public var outputCount: Int { geometry.channels * geometry.inputPlane }
    /// Multiply-adds of one forward pass for one sample: in·H·W·out·k·k.
    public var multiplyAddsPerSample: Int { inputCount * geometry.patchSize }

    /// y = convᵀ(x, W) + b.
    @inlinable
    public func forward(input: UnsafePointer<T>, output: UnsafeMutablePointer<T>, batch: Int) {
        // columns (k·k·out, H·W·batch) = Wᵀ (k·k·out, in) · x (in, H·W·batch), then onto the pixels.
        geometry.tapMajor(weight.value.pointer, rows: inputChannels, into: tapMajorWeight.pointer)
        geometry.adjointProduct(tapMajorWeight.pointer, rows: inputChannels, source: input, batch: batch,
                                into: output, columns: &columns)
        FeatureMajor.addBias(bias.value.pointer, to: output, channels: geometry.channels,
                             run: batch * geometry.inputPlane)
    }

    /// Backward pass for the batch `input`: fills dL/dW and dL/db per `parameterGradients` and
    /// writes dL/dx if `gradInput` is given.
    @inlinable
    public func backward(input: UnsafePointer<T>, gradOutput: UnsafePointer<T>,
                         gradInput: UnsafeMutablePointer<T>?, batch: Int, parameterGradients: GradientMode) {
        // The adjoint of col2im is im2col: dL/d columns = the patches of dL/dy.
        if parameterGradients != .skip {
            // dW (in, k·k·out) = x (in, H·W·batch) · patches(dy)ᵀ
            geometry.patchGradient(input, rows: inputChannels, image: gradOutput, batch: batch,
                                   into: tapMajorGradient.pointer, scratch: patches)
            geometry.addChannelMajor(tapMajorGradient.pointer, rows: inputChannels, into: weight.gradient.pointer,
                                     accumulate: parameterGradients == .accumulate)
            FeatureMajor.channelSums(of: gradOutput, into: bias.gradient.pointer, mode: parameterGradients,
                                     channels: geometry.channels, run: batch * geometry.inputPlane)
        }
        if let gradInput {
            // dx (in, H·W·batch) = W (in, k·k·out) · patches(dy)
            geometry.patchProduct(tapMajorWeight.pointer, rows: inputChannels, image: gradOutput, batch: batch,
                                  into: gradInput, beta: 0, scratch: patches)
        }
    }
}
