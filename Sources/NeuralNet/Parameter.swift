import Randomness

/// A learnable tensor with its gradient, named and shaped like PyTorch's state dict entries.
///
/// `@unchecked Sendable` for the same reason as ``Buffer``: it is two buffers and constant
/// metadata, handed to Adam's workers, which update disjoint ranges of it. The networks and
/// optimisers that own parameters are not `Sendable`, which keeps each one on a single thread.
public final class Parameter<T: BLASScalar>: @unchecked Sendable {
    /// Name within its network, e.g. "0.weight"; a model prefixes it ("generator.0.weight").
    public let name: String
    /// Shape as PyTorch reports it, e.g. [out, in] for a weight.
    public let shape: [Int]
    public let value: Buffer<T>
    /// Gradient of the loss with respect to `value`; backward passes add to it.
    public let gradient: Buffer<T>

    public init(name: String, shape: [Int]) {
        self.name = name
        self.shape = shape
        let count = shape.reduce(1, *)
        value = Buffer(count: count)
        gradient = Buffer(count: count)
    }

    public var count: Int { value.count }

    /// Fills the value uniformly in ±bound, one draw per element in order: PyTorch's default
    /// initialisation of weights and biases (kaiming_uniform with a = √5 reduces to ±1/√fan_in).
    public func initialiseUniform(bound: Double, rng: inout SeededRNG) {
        for i in 0..<count { value[i] = T((rng.uniformDouble() * 2 - 1) * bound) }
    }
}
