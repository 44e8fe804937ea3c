import Randomness

/// A multilayer perceptron, z_l = φ_l(b_l + W_l z_{l-1}), laid out like PyTorch's
/// `nn.Sequential(Linear, φ, Linear, φ, …)` so parameter names match its state dict
/// ("0.weight", "0.bias", "2.weight", …).
///
/// The network owns its activation buffers (llm.c style): `forward` copies the input in, keeps
/// every layer's output for the backward pass, and returns a pointer to the last one, valid until
/// the next call. Not `Sendable`, so the compiler keeps a network on the thread that owns it:
/// another thread gets its own copy (`clone()`) or its weights as values (`MLPWeights`).
public final class MLP<T: BLASScalar> {
    /// Widths of every layer boundary: [inputs, hidden…, outputs].
    public let sizes: [Int]
    /// The activation after each linear layer (`.identity` for none).
    public let activations: [Activation]
    public let layers: [Linear<T>]

    /// Rows the buffers currently hold.
    public private(set) var capacity = 0
    /// values[0] is the input copy; values[i + 1] the output of layer i (after its activation).
    public private(set) var values: [Buffer<T>] = []
    private var gradientA = Buffer<T>(count: 0)
    private var gradientB = Buffer<T>(count: 0)

    public init(sizes: [Int], activations: [Activation], rng: inout SeededRNG) {
        precondition(sizes.count >= 2 && activations.count == sizes.count - 1,
                     "an MLP needs one activation per linear layer")
        self.sizes = sizes
        self.activations = activations
        var layers: [Linear<T>] = []
        for i in 0..<(sizes.count - 1) {
            let index = Self.sequentialIndex(ofLayer: i, activations: activations)
            layers.append(Linear(inputs: sizes[i], outputs: sizes[i + 1], namePrefix: "\(index).",
                                 rng: &rng))
        }
        self.layers = layers
    }

    /// A deep copy: same weights, its own buffers.
    public func clone() -> MLP<T> {
        var unusedRNG = SeededRNG(seed: 0)
        let copy = MLP(sizes: sizes, activations: activations, rng: &unusedRNG)
        copy.copyWeights(from: self)
        return copy
    }

    /// Overwrites this network's weights with `other`'s (same architecture).
    public func copyWeights(from other: MLP<T>) {
        precondition(other.sizes == sizes, "architectures differ")
        for (mine, theirs) in zip(parameters, other.parameters) { mine.value.copy(from: theirs.value) }
    }

    /// Parameters in state-dict order: 0.weight, 0.bias, 2.weight, 2.bias, …
    public var parameters: [Parameter<T>] { layers.flatMap { [$0.weight, $0.bias] } }

    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    public var inputSize: Int { sizes[0] }
    public var outputSize: Int { sizes[sizes.count - 1] }

    /// Multiply-adds of one forward pass for one sample.
    public var multiplyAddsPerSample: Int { layers.reduce(0) { $0 + $1.inputs * $1.outputs } }

    /// Runs the network on `batch` rows of `input`; returns the (batch, outputs) result, valid
    /// until the next `forward`.
    @inlinable
    public func forward(_ input: UnsafePointer<T>, batch: Int) -> UnsafeMutablePointer<T> {
        reserve(batch: batch)
        values[0].pointer.update(from: input, count: batch * sizes[0])
        for (i, layer) in layers.enumerated() {
            let output = values[i + 1].pointer
            layer.forward(input: values[i].pointer, output: output, batch: batch)
            activations[i].apply(output, count: batch * sizes[i + 1])
        }
        return values[layers.count].pointer
    }

    /// Backpropagates dL/d(output) through the batch of the last `forward`: fills parameter
    /// gradients per `parameterGradients` and, if `gradInput` is given, writes dL/d(input).
    @inlinable
    public func backward(gradOutput: UnsafePointer<T>, batch: Int, parameterGradients: GradientMode,
                         gradInput: UnsafeMutablePointer<T>? = nil) {
        precondition(batch <= capacity, "backward needs the forward pass of the same batch")
        var current = gradientBuffers.0.pointer
        var spare = gradientBuffers.1.pointer
        current.update(from: gradOutput, count: batch * outputSize)
        for i in stride(from: layers.count - 1, through: 0, by: -1) {
            activations[i].backward(gradient: current, output: values[i + 1].pointer,
                                    count: batch * sizes[i + 1])
            let target: UnsafeMutablePointer<T>? = i > 0 ? spare : gradInput
            layers[i].backward(input: values[i].pointer, gradOutput: current, gradInput: target,
                               batch: batch, parameterGradients: parameterGradients)
            swap(&current, &spare)
        }
    }

    /// Sets every parameter gradient to zero.
    public func zeroGradients() {
        for parameter in parameters { parameter.gradient.zero() }
    }

    /// Grows the activation buffers to hold `batch` rows.
    @usableFromInline
    func reserve(batch: Int) {
        guard batch > capacity else { return }
        capacity = batch
        values = sizes.map { Buffer(count: batch * $0) }
        let widest = sizes.max() ?? 0
        gradientA = Buffer(count: batch * widest)
        gradientB = Buffer(count: batch * widest)
    }

    @usableFromInline
    var gradientBuffers: (Buffer<T>, Buffer<T>) { (gradientA, gradientB) }

    /// Position of linear layer `layer` in the equivalent `nn.Sequential` (activations count).
    static func sequentialIndex(ofLayer layer: Int, activations: [Activation]) -> Int {
        activations[..<layer].reduce(layer) { $0 + ($1 == .identity ? 0 : 1) }
    }
}
