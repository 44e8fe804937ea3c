import Randomness

/// A network's architecture and weights as a plain value: safe to send between threads, to keep
/// while training goes on, and to turn back into a working network.
///
/// The trainer publishes the generator this way so the latent explorer runs its own copy.
public struct MLPWeights: Sendable, Equatable {
    public var sizes: [Int]
    public var activations: [Activation]
    /// Parameter values in state-dict order (0.weight, 0.bias, 2.weight, …).
    public var tensors: [[Float]]

    public init(sizes: [Int], activations: [Activation], tensors: [[Float]]) {
        self.sizes = sizes
        self.activations = activations
        self.tensors = tensors
    }

    /// A snapshot of `network`'s current weights.
    public init(of network: MLP<Float>) {
        self.init(sizes: network.sizes, activations: network.activations,
                  tensors: network.parameters.map(\.value.array))
    }

    /// A new network holding these weights.
    public func makeNetwork() -> MLP<Float> {
        var unusedRNG = SeededRNG(seed: 0)
        let network = MLP<Float>(sizes: sizes, activations: activations, rng: &unusedRNG)
        load(into: network)
        return network
    }

    /// Writes these weights into `network`, which must have the same architecture.
    public func load(into network: MLP<Float>) {
        precondition(network.sizes == sizes && network.activations == activations,
                     "architectures differ")
        for (parameter, values) in zip(network.parameters, tensors) { parameter.value.assign(values) }
    }
}
