import NeuralNet

/// The text a checkpoint stores for a layer: PyTorch's module in snake case with its arguments,
/// e.g. "linear(64,6272)", "conv2d(1,64,4,2,1)" (in, out, kernel, stride, padding),
/// "conv_transpose2d(128,64,4,2,1)", "batch_norm2d(64)", "unflatten(128,7,7)", "flatten", and the
/// activations "identity", "relu", "leaky_relu(0.2)", "tanh", "sigmoid".
enum LayerCode {
    static func code(_ layer: LayerSpec) -> String {
        func call(_ name: String, _ arguments: Int...) -> String {
            "\(name)(\(arguments.map(String.init).joined(separator: ",")))"
        }
        switch layer {
        case .linear(let inputs, let outputs): return call("linear", inputs, outputs)
        case .activation(let activation): return code(activation)
        case .conv2d(let i, let o, let k, let s, let p): return call("conv2d", i, o, k, s, p)
        case .convTranspose2d(let i, let o, let k, let s, let p): return call("conv_transpose2d", i, o, k, s, p)
        case .batchNorm2d(let channels): return call("batch_norm2d", channels)
        case .flatten: return "flatten"
        case .unflatten(let c, let h, let w): return call("unflatten", c, h, w)
        }
    }

    /// The layer a stored text names, or nil. Sizes are only parsed here; ``NetworkLayout`` checks them.
    static func layer(_ code: String) -> LayerSpec? {
        if let activation = activation(code) { return .activation(activation) }
        if code == "flatten" { return .flatten }
        guard let open = code.firstIndex(of: "("), code.hasSuffix(")") else { return nil }
        let name = code[..<open]
        let arguments = code[code.index(after: open)..<code.index(before: code.endIndex)]
            .split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard arguments.allSatisfy({ $0 != nil }) else { return nil }
        let values = arguments.compactMap { $0 }
        switch (name, values.count) {
        case ("linear", 2): return .linear(inputs: values[0], outputs: values[1])
        case ("conv2d", 5):
            return .conv2d(inChannels: values[0], outChannels: values[1], kernelSize: values[2], stride: values[3],
                           padding: values[4])
        case ("conv_transpose2d", 5):
            return .convTranspose2d(inChannels: values[0], outChannels: values[1], kernelSize: values[2],
                                    stride: values[3], padding: values[4])
        case ("batch_norm2d", 1): return .batchNorm2d(channels: values[0])
        case ("unflatten", 3): return .unflatten(channels: values[0], height: values[1], width: values[2])
        default: return nil
        }
    }

    /// The text stored for an activation; the inverse of ``activation(_:)``.
    static func code(_ activation: Activation) -> String {
        switch activation {
        case .identity: "identity"
        case .relu: "relu"
        case .leakyReLU(let slope): "leaky_relu(\(slope))"
        case .tanh: "tanh"
        case .sigmoid: "sigmoid"
        }
    }

    /// The activation a stored text names, or nil.
    static func activation(_ code: String) -> Activation? {
        switch code {
        case "identity": return .identity
        case "relu": return .relu
        case "tanh": return .tanh
        case "sigmoid": return .sigmoid
        default:
            guard code.hasPrefix("leaky_relu("), code.hasSuffix(")"),
                  let slope = Double(code.dropFirst("leaky_relu(".count).dropLast()), slope.isFinite
            else { return nil }
            return .leakyReLU(slope: slope)
        }
    }
}
