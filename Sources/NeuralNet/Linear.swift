import Randomness

/// A fully connected layer, y = x Wᵀ + b, with W stored [out, in] as PyTorch stores it.
///
/// Batches are row-major: x is (batch, inputs), y is (batch, outputs). Not `Sendable`: a layer
/// belongs to the network, and the network to one thread.
public final class Linear<T: BLASScalar> {
    public let inputs: Int
    public let outputs: Int
    public let weight: Parameter<T>  // (outputs, inputs)
    public let bias: Parameter<T>    // (outputs)

    /// A layer initialised as PyTorch's `nn.Linear` does by default: weights and biases uniform in
    /// ±1/√inputs (kaiming_uniform with a = √5 reduces to that bound).
    public init(inputs: Int, outputs: Int, namePrefix: String, rng: inout SeededRNG) {
        self.inputs = inputs
        self.outputs = outputs
        weight = Parameter(name: namePrefix + "weight", shape: [outputs, inputs])
        bias = Parameter(name: namePrefix + "bias", shape: [outputs])
        let bound = 1 / Double(inputs).squareRoot()
        weight.initialiseUniform(bound: bound, rng: &rng)
        bias.initialiseUniform(bound: bound, rng: &rng)
    }

    /// y (batch, outputs) = x (batch, inputs) · Wᵀ + b.
    @inlinable
    public func forward(input: UnsafePointer<T>, output: UnsafeMutablePointer<T>, batch: Int) {
        let b = bias.value.pointer
        for row in 0..<batch { (output + row * outputs).update(from: b, count: outputs) }
        T.parallelGemm(transposeA: false, transposeB: true, m: batch, n: outputs, k: inputs, alpha: 1,
                       a: input, lda: inputs, b: weight.value.pointer, ldb: inputs, beta: 1,
                       c: output, ldc: outputs)
    }

    /// Backward pass: given dL/dy, adds dL/dW and dL/db to the parameter gradients (or overwrites
    /// them when `accumulate` is false, saving a zeroing pass) and writes dL/dx if asked.
    @inlinable
    public func backward(input: UnsafePointer<T>, gradOutput: UnsafePointer<T>,
                         gradInput: UnsafeMutablePointer<T>?, batch: Int,
                         parameterGradients: GradientMode) {
        if parameterGradients != .skip {
            let beta: T = parameterGradients == .accumulate ? 1 : 0
            // dW (outputs, inputs) = dyᵀ (outputs, batch) · x (batch, inputs)
            T.parallelGemm(transposeA: true, transposeB: false, m: outputs, n: inputs, k: batch, alpha: 1,
                           a: gradOutput, lda: outputs, b: input, ldb: inputs, beta: beta,
                           c: weight.gradient.pointer, ldc: inputs)
            let db = bias.gradient.pointer
            if parameterGradients == .overwrite { db.update(repeating: 0, count: outputs) }
            for row in 0..<batch {
                let dy = gradOutput + row * outputs
                for j in 0..<outputs { db[j] += dy[j] }
            }
        }
        if let gradInput {
            // dx (batch, inputs) = dy (batch, outputs) · W (outputs, inputs)
            T.parallelGemm(transposeA: false, transposeB: false, m: batch, n: inputs, k: outputs, alpha: 1,
                           a: gradOutput, lda: outputs, b: weight.value.pointer, ldb: inputs, beta: 0,
                           c: gradInput, ldc: inputs)
        }
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
