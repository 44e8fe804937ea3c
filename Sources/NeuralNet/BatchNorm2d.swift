/// Batch normalisation over the channels of image batches, as PyTorch's `nn.BatchNorm2d(channels)`
/// defines it: y = γ·(x − μ)/√(σ² + ε) + β per channel, ε = 1e-5. Batches are feature-major,
/// (channels, height, width, batch) as inside a network (``FeatureMajor``), so each channel's
/// values over the batch are one contiguous run.
///
/// In training mode μ and σ² are the batch's mean and biased variance over samples and pixels,
/// and every forward pass moves the running statistics towards the batch's with momentum 0.1,
/// using the unbiased variance (as PyTorch does), and counts the batch. In evaluation mode μ and
/// σ² are the running statistics, so the layer is a fixed per-channel affine map. The statistics
/// of the last forward pass are kept for the backward pass. Not `Sendable`, like the other layers.
public final class BatchNorm2d<T: BLASScalar> {
    public static var epsilon: Double { 1e-5 }
    public static var momentum: Double { 0.1 }

    public let channels: Int
    public let height: Int
    public let width: Int
    public let weight: Parameter<T>  // γ (channels)
    public let bias: Parameter<T>    // β (channels)
    public let runningMean: Buffer<T>
    public let runningVariance: Buffer<T>
    /// PyTorch's `num_batches_tracked`: training-mode forward passes so far.
    public internal(set) var batchesTracked = 0
    /// Training mode (batch statistics) when true, evaluation mode (running statistics) when false.
    public var isTraining = true

    /// μ and 1/√(σ² + ε) of the last forward pass, and whether they were the batch's own.
    @usableFromInline let mean: Buffer<T>
    @usableFromInline let inverseDeviation: Buffer<T>
    @usableFromInline var lastPassUsedBatchStatistics = true

    /// γ = 1, β = 0, running mean 0 and variance 1, as PyTorch starts.
    public init(channels: Int, height: Int, width: Int, namePrefix: String) {
        precondition(channels > 0 && height > 0 && width > 0, "batch-norm sizes must be positive")
        self.channels = channels
        self.height = height
        self.width = width
        weight = Parameter(name: namePrefix + "weight", shape: [channels])
        bias = Parameter(name: namePrefix + "bias", shape: [channels])
        weight.value.pointer.update(repeating: 1, count: channels)
        runningMean = Buffer(count: channels)
        runningVariance = Buffer(Array(repeating: 1, count: channels))
        mean = Buffer(count: channels)
        inverseDeviation = Buffer(count: channels)
    }

    public var parameters: [Parameter<T>] { [weight, bias] }
    public var plane: Int { height * width }
    /// Scalars per sample: channels·H·W, in and out.
    public var inputCount: Int { channels * plane }
    public var outputCount: Int { inputCount }

    /// y = γ·x̂ + β, with the batch's statistics (training) or the running ones (evaluation).
    @inlinable
    public func forward(input: UnsafePointer<T>, output: UnsafeMutablePointer<T>, batch: Int) {
        lastPassUsedBatchStatistics = isTraining
        if isTraining {
            updateStatistics(input: input, batch: batch)
        } else {
            for c in 0..<channels {
                mean[c] = runningMean[c]
                inverseDeviation[c] = 1 / (runningVariance[c] + T(Self.epsilon)).squareRoot()
            }
        }
        let run = batch * plane
        for c in 0..<channels {
            let scale = weight.value[c] * inverseDeviation[c]
            let shift = bias.value[c] - mean[c] * scale
            let x = input + c * run, y = output + c * run
            for i in 0..<run { y[i] = x[i] * scale + shift }
        }
    }

    /// Backward pass through the last forward pass (same `input`): fills dL/dγ and dL/dβ per
    /// `parameterGradients` and writes dL/dx if `gradInput` is given. In training mode dL/dx flows
    /// through the batch statistics as well. `output` is not read: x̂ is recomputed from `input`
    /// (recovering it from y would divide by γ, which may be 0); it is taken so that the network
    /// can pass every layer's forward values the same way.
    @inlinable
    public func backward(input: UnsafePointer<T>, output: UnsafePointer<T>, gradOutput: UnsafePointer<T>,
                         gradInput: UnsafeMutablePointer<T>?, batch: Int, parameterGradients: GradientMode) {
        let run = batch * plane, count = T(run)
        for c in 0..<channels {
            let mu = mean[c], inverse = inverseDeviation[c]
            let x = input + c * run, dy = gradOutput + c * run
            // Σ dy and Σ dy·x̂ over the channel's samples and pixels.
            let sumGradient = Summation.sum(count: run) { dy[$0] }
            let sumGradientNormalised = Summation.sum(count: run) { dy[$0] * (x[$0] - mu) } * inverse
            switch parameterGradients {
            case .accumulate:
                weight.gradient[c] += sumGradientNormalised
                bias.gradient[c] += sumGradient
            case .overwrite:
                weight.gradient[c] = sumGradientNormalised
                bias.gradient[c] = sumGradient
            case .skip: break
            }
            guard let gradInput else { continue }
            let scale = weight.value[c] * inverse
            // Training: dx = γ/σ·(dy − mean(dy) − x̂·mean(dy·x̂)); evaluation: dx = γ/σ·dy.
            let meanGradient = lastPassUsedBatchStatistics ? sumGradient / count : 0
            let slope = lastPassUsedBatchStatistics ? sumGradientNormalised / count * inverse : 0
            let dx = gradInput + c * run
            for i in 0..<run { dx[i] = scale * (dy[i] - meanGradient - (x[i] - mu) * slope) }
        }
    }

    /// The batch's mean and biased variance (two passes, for accuracy) into `mean` and
    /// `inverseDeviation`, and the running statistics moved towards them.
    @inlinable
    func updateStatistics(input: UnsafePointer<T>, batch: Int) {
        let count = batch * plane
        precondition(count > 1, "batch norm in training mode needs more than one value per channel")
        let momentum = T(Self.momentum)
        for c in 0..<channels {
            let x = input + c * count
            let mu = Summation.sum(count: count) { x[$0] } / T(count)
            let squares = Summation.sum(count: count) { (x[$0] - mu) * (x[$0] - mu) }
            let variance = squares / T(count)
            mean[c] = mu
            inverseDeviation[c] = 1 / (variance + T(Self.epsilon)).squareRoot()
            runningMean[c] = (1 - momentum) * runningMean[c] + momentum * mu
            runningVariance[c] = (1 - momentum) * runningVariance[c] + momentum * squares / T(count - 1)
        }
        countBatch()
    }

    /// Not inlinable: `batchesTracked` is set only inside the module.
    @usableFromInline
    func countBatch() { batchesTracked += 1 }
}
