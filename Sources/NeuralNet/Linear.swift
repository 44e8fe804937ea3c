import Randomness

/// A fully connected layer, y = x Wᵀ + b, with W stored [out, in] as PyTorch stores it.
///
/// Batches are batch-major rows, x (batch, inputs) and y (batch, outputs), unless the network
/// lays a side out feature-major (``BatchLayout``): next to a `flatten` of an image batch or an
/// `unflatten` to one, the layer reads or writes the feature-major layout itself, through the
/// transposes the matrix product takes for free, so the network needs no transposing pass there
/// (each was a trip through memory of the whole batch). Not `Sendable`: a layer belongs to the
/// network, and the network to one thread.
public final class Linear<T: BLASScalar> {
    public let inputs: Int
    public let outputs: Int
    public let weight: Parameter<T>  // (outputs, inputs)
    public let bias: Parameter<T>    // (outputs)
    /// How x and dL/dx are laid out: (batch, inputs) or (inputs, batch).
    public let inputLayout: BatchLayout
    /// How y and dL/dy are laid out: (batch, outputs) or (outputs, batch).
    public let outputLayout: BatchLayout

    /// A layer initialised as PyTorch's `nn.Linear` does by default: weights and biases uniform in
    /// ±1/√inputs (kaiming_uniform with a = √5 reduces to that bound).
    public init(inputs: Int, outputs: Int, namePrefix: String, inputLayout: BatchLayout = .batchMajor,
                outputLayout: BatchLayout = .batchMajor, rng: inout SeededRNG) {
        self.inputs = inputs
        self.outputs = outputs
        self.inputLayout = inputLayout
        self.outputLayout = outputLayout
        weight = Parameter(name: namePrefix + "weight", shape: [outputs, inputs])
        bias = Parameter(name: namePrefix + "bias", shape: [outputs])
        let bound = 1 / Double(inputs).squareRoot()
        weight.initialiseUniform(bound: bound, rng: &rng)
        bias.initialiseUniform(bound: bound, rng: &rng)
    }

    /// y = x · Wᵀ + b, in the layer's layouts.
    @inlinable
    public func forward(input: UnsafePointer<T>, output: UnsafeMutablePointer<T>, batch: Int) {
        let b = bias.value.pointer, x = inputLayout.matrix(input, batch: batch, features: inputs)
        switch outputLayout {
        case .batchMajor:
            for row in 0..<batch { (output + row * outputs).update(from: b, count: outputs) }
            // y (batch, outputs) = x (batch, inputs) · Wᵀ
            T.parallelGemm(transposeA: x.transposed, transposeB: true, m: batch, n: outputs, k: inputs, alpha: 1,
                           a: x.pointer, lda: x.leadingDimension, b: weight.value.pointer, ldb: inputs, beta: 1,
                           c: output, ldc: outputs)
        case .featureMajor:
            FeatureMajor.fill(output, withBias: b, channels: outputs, run: batch)
            // yᵀ (outputs, batch) = W (outputs, inputs) · xᵀ
            T.parallelGemm(transposeA: false, transposeB: !x.transposed, m: outputs, n: batch, k: inputs, alpha: 1,
                           a: weight.value.pointer, lda: inputs, b: x.pointer, ldb: x.leadingDimension, beta: 1,
                           c: output, ldc: batch)
        }
    }

    /// Backward pass: given dL/dy, adds dL/dW and dL/db to the parameter gradients (or overwrites
    /// them when `accumulate` is false, saving a zeroing pass) and writes dL/dx if asked.
    @inlinable
    public func backward(input: UnsafePointer<T>, gradOutput: UnsafePointer<T>,
                         gradInput: UnsafeMutablePointer<T>?, batch: Int,
                         parameterGradients: GradientMode) {
        // Both as (batch, features) matrices, transposed where they are stored feature-major.
        let x = inputLayout.matrix(input, batch: batch, features: inputs)
        let dy = outputLayout.matrix(gradOutput, batch: batch, features: outputs)
        if parameterGradients != .skip {
            let beta: T = parameterGradients == .accumulate ? 1 : 0
            // dW (outputs, inputs) = dyᵀ (outputs, batch) · x (batch, inputs)
            T.parallelGemm(transposeA: !dy.transposed, transposeB: x.transposed, m: outputs, n: inputs, k: batch,
                           alpha: 1, a: dy.pointer, lda: dy.leadingDimension, b: x.pointer, ldb: x.leadingDimension,
                           beta: beta, c: weight.gradient.pointer, ldc: inputs)
            accumulateBiasGradient(gradOutput, batch: batch, mode: parameterGradients)
        }
        guard let gradInput else { return }
        switch inputLayout {
        case .batchMajor:
            // dx (batch, inputs) = dy (batch, outputs) · W (outputs, inputs)
            T.parallelGemm(transposeA: dy.transposed, transposeB: false, m: batch, n: inputs, k: outputs, alpha: 1,
                           a: dy.pointer, lda: dy.leadingDimension, b: weight.value.pointer, ldb: inputs, beta: 0,
                           c: gradInput, ldc: inputs)
        case .featureMajor:
            // dxᵀ (inputs, batch) = Wᵀ (inputs, outputs) · dyᵀ
            T.parallelGemm(transposeA: true, transposeB: !dy.transposed, m: inputs, n: batch, k: outputs, alpha: 1,
                           a: weight.value.pointer, lda: inputs, b: dy.pointer, ldb: dy.leadingDimension, beta: 0,
                           c: gradInput, ldc: batch)
        }
    }

    /// db = Σ over the batch of dL/dy, added or written as `mode` says.
    @inlinable
    func accumulateBiasGradient(_ gradOutput: UnsafePointer<T>, batch: Int, mode: GradientMode) {
        let db = bias.gradient.pointer
        switch outputLayout {
        case .batchMajor:
            if mode == .overwrite { db.update(repeating: 0, count: outputs) }
            for row in 0..<batch {
                let dy = gradOutput + row * outputs
                for j in 0..<outputs { db[j] += dy[j] }
            }
        case .featureMajor:
            FeatureMajor.channelSums(of: gradOutput, into: db, mode: mode, channels: outputs, run: batch)
        }
    }
}

/// How a layer's batch is laid out in memory: batch-major rows (batch, features), as data sets
/// and PyTorch have them, or feature-major (features, batch), as image batches are inside a network
/// (``FeatureMajor``).
public enum BatchLayout: Sendable, Equatable {
    case batchMajor
    case featureMajor

    /// The batch as a row-major (batch, features) matrix operand: stored as is, or stored as its
    /// transpose (features, batch).
    @inlinable
    func matrix<T>(_ pointer: UnsafePointer<T>, batch: Int, features: Int) -> BatchMatrix<T> {
        switch self {
        case .batchMajor: BatchMatrix(pointer: pointer, transposed: false, leadingDimension: features)
        case .featureMajor: BatchMatrix(pointer: pointer, transposed: true, leadingDimension: batch)
        }
    }
}

/// A (batch, features) matrix operand of a gemm: where it is, whether it is stored transposed,
/// and the length of its stored rows.
@usableFromInline
struct BatchMatrix<T> {
    @usableFromInline let pointer: UnsafePointer<T>
    @usableFromInline let transposed: Bool
    @usableFromInline let leadingDimension: Int

    @inlinable
    init(pointer: UnsafePointer<T>, transposed: Bool, leadingDimension: Int) {
        self.pointer = pointer
        self.transposed = transposed
        self.leadingDimension = leadingDimension
    }
}

/// What a backward pass does with parameter gradients.
public enum GradientMode: Sendable, Equatable {
    /// Add to the existing gradients (several backward passes before one optimiser step).
    case accumulate
    /// Replace them (one backward pass per step: no zeroing needed).
    case overwrite
    /// Leave them alone: only the input gradient is wanted (e.g. D during G's update).
    case skip
}
