/// One module of a `Sequential` network, as a value: what it is and how it is sized, nothing
/// allocated. The list of specs is the architecture a checkpoint records; walking it from an
/// input shape gives every layer's shape and PyTorch state-dict entry (see ``NetworkLayout``).
///
/// Kernels are square; convolutions take NCHW planes, `linear` a flat vector per sample.
public enum LayerSpec: Sendable, Equatable {
    case linear(inputs: Int, outputs: Int)
    case activation(Activation)
    case conv2d(inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int, padding: Int)
    /// Weight stored [in, out, kH, kW], as PyTorch stores it.
    case convTranspose2d(inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int, padding: Int)
    case batchNorm2d(channels: Int)
    /// (C, H, W) planes → one flat vector: the memory is the same, nothing moves.
    case flatten
    /// A flat vector → (C, H, W) planes, the inverse of `flatten`.
    case unflatten(channels: Int, height: Int, width: Int)

    /// PyTorch's module, for summaries, errors and interop notes, e.g. "ConvTranspose2d(128, 64, 4, 2, 1)".
    public var torchDescription: String {
        switch self {
        case .linear(let inputs, let outputs): "Linear(\(inputs), \(outputs))"
        case .activation(.leakyReLU(let slope)): "LeakyReLU(\(slope))"
        case .activation(let activation): "\(activation.torchName)()"
        case .conv2d(let i, let o, let k, let s, let p): "Conv2d(\(i), \(o), \(k), \(s), \(p))"
        case .convTranspose2d(let i, let o, let k, let s, let p): "ConvTranspose2d(\(i), \(o), \(k), \(s), \(p))"
        case .batchNorm2d(let channels): "BatchNorm2d(\(channels))"
        case .flatten: "Flatten()"
        case .unflatten(let c, let h, let w): "Unflatten(1, (\(c), \(h), \(w)))"
        }
    }

    /// Whether the layer has weights (and so a gradient to compute and an optimiser to feed).
    public var hasParameters: Bool {
        switch self {
        case .linear, .conv2d, .convTranspose2d, .batchNorm2d: true
        case .activation, .flatten, .unflatten: false
        }
    }

    /// The MLP z_l = φ_l(b_l + W_l z_{l-1}) as specs: each linear layer followed by its activation,
    /// which is left out when it is the identity (PyTorch's `nn.Sequential` has no module there).
    public static func mlp(sizes: [Int], activations: [Activation]) -> [LayerSpec] {
        precondition(sizes.count >= 2 && activations.count == sizes.count - 1,
                     "an MLP needs one activation per linear layer")
        return activations.indices.flatMap { i -> [LayerSpec] in
            let linear = LayerSpec.linear(inputs: sizes[i], outputs: sizes[i + 1])
            return activations[i] == .identity ? [linear] : [linear, .activation(activations[i])]
        }
    }

    /// The sizes and activations of an MLP made by ``mlp(sizes:activations:)``, or nil for any
    /// other list (a convolution, a reshape, an explicit identity, linear sizes that do not chain).
    public static func mlpForm(of layers: [LayerSpec]) -> (sizes: [Int], activations: [Activation])? {
        var sizes: [Int] = [], activations: [Activation] = []
        for layer in layers {
            switch layer {
            case .linear(let inputs, let outputs):
                if let last = sizes.last {
                    guard last == inputs else { return nil }
                    if activations.count < sizes.count - 1 { activations.append(.identity) }
                } else {
                    sizes.append(inputs)
                }
                sizes.append(outputs)
            case .activation(let activation) where activation != .identity:
                guard !sizes.isEmpty, activations.count == sizes.count - 2 else { return nil }
                activations.append(activation)
            default:
                return nil
            }
        }
        guard sizes.count >= 2 else { return nil }
        if activations.count < sizes.count - 1 { activations.append(.identity) }
        return (sizes, activations)
    }
}

/// The shape of one sample between layers: a flat vector, or NCHW planes (without the N).
public enum TensorShape: Sendable, Equatable {
    case flat(Int)
    case planes(channels: Int, height: Int, width: Int)

    /// Values per sample.
    public var count: Int {
        switch self {
        case .flat(let count): count
        case .planes(let c, let h, let w): c * h * w
        }
    }

    /// "784" or "64×14×14", for messages.
    public var description: String {
        switch self {
        case .flat(let count): "\(count)"
        case .planes(let c, let h, let w): "\(c)×\(h)×\(w)"
        }
    }
}
