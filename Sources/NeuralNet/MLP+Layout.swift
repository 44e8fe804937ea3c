/// The name and shape of one parameter in a network's state dict.
public struct ParameterLayout: Sendable, Equatable {
    /// Name within the network, e.g. "2.weight".
    public let name: String
    /// PyTorch's shape: [out, in] for a weight, [out] for a bias.
    public let shape: [Int]
}

extension MLP {
    /// The state-dict names and shapes a network of these sizes has, in `parameters` order,
    /// computed without allocating one: a checkpoint reader checks an untrusted file against
    /// them before building anything. Needs one activation per linear layer.
    public static func parameterLayout(sizes: [Int], activations: [Activation]) -> [ParameterLayout] {
        guard sizes.count >= 2, activations.count == sizes.count - 1 else { return [] }
        return (0..<(sizes.count - 1)).flatMap { layer -> [ParameterLayout] in
            let prefix = "\(sequentialIndex(ofLayer: layer, activations: activations))."
            return [ParameterLayout(name: prefix + "weight", shape: [sizes[layer + 1], sizes[layer]]),
                    ParameterLayout(name: prefix + "bias", shape: [sizes[layer + 1]])]
        }
    }
}
