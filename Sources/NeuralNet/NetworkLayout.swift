/// The name and shape of one tensor in a network's state dict.
public struct ParameterLayout: Sendable, Equatable {
    /// Name within the network, e.g. "2.weight".
    public let name: String
    /// PyTorch's shape: [out, in] for a linear weight, [out, in, kH, kW] for a convolution's,
    /// [in, out, kH, kW] for a transposed convolution's, [] for a scalar.
    public let shape: [Int]
}

/// Everything a layer list implies, computed without allocating a network: the shape after each
/// layer and the state-dict entries with PyTorch's names (the module index counts every module,
/// activations and reshapes included). A checkpoint reader checks an untrusted file against it
/// before building anything, so every size is checked here, overflow included.
public struct NetworkLayout: Sendable, Equatable {
    public let layers: [LayerSpec]
    public let input: TensorShape
    /// shapes[i] is the shape after layer i.
    public let shapes: [TensorShape]
    /// Learnable tensors in state-dict order: "0.weight", "0.bias", "3.weight", …
    public let parameters: [ParameterLayout]
    /// BatchNorm's running statistics, "i.running_mean" then "i.running_var" for each BatchNorm2d.
    public let runningStatistics: [ParameterLayout]
    /// BatchNorm's "i.num_batches_tracked" counters (int64 scalars in PyTorch), one per BatchNorm2d.
    public let batchCounters: [String]
    /// Multiply-adds of one forward pass for one sample, per layer (0 for layers without weights).
    public let multiplyAdds: [Int]

    /// Walks `layers` from a flat input of `inputs` values per sample. Throws when a layer does
    /// not accept the shape before it, a size is not positive, a count would overflow, or the
    /// network ends in image planes instead of flat values.
    public init(layers: [LayerSpec], inputs: Int) throws(LayoutProblem) {
        guard (1...Self.maximumDimension).contains(inputs) else {
            throw LayoutProblem("the input size \(inputs) is outside 1...\(Self.maximumDimension)")
        }
        guard !layers.isEmpty else { throw LayoutProblem("a network needs at least one layer") }
        guard layers.contains(where: \.hasParameters) else { throw LayoutProblem("a network needs a layer with weights") }
        self.layers = layers
        input = .flat(inputs)
        var shape = input
        var shapes: [TensorShape] = [], parameters: [ParameterLayout] = [], statistics: [ParameterLayout] = []
        var counters: [String] = [], multiplyAdds: [Int] = []
        for (index, layer) in layers.enumerated() {
            let step = try Self.apply(layer, to: shape, index: index)
            shape = step.shape
            shapes.append(shape)
            multiplyAdds.append(step.multiplyAdds)
            let prefix = "\(index)."
            parameters += step.parameterShapes.map { ParameterLayout(name: prefix + $0.0, shape: $0.1) }
            if case .batchNorm2d(let channels) = layer {
                statistics += [ParameterLayout(name: prefix + "running_mean", shape: [channels]),
                               ParameterLayout(name: prefix + "running_var", shape: [channels])]
                counters.append(prefix + "num_batches_tracked")
            }
        }
        // Outputs are batch-major rows (see `Sequential`); an image batch is turned back into them
        // by `flatten`, so the list must say where.
        guard case .flat = shape else {
            throw LayoutProblem("a network must end with flat values: add flatten after \(shape.description)")
        }
        self.shapes = shapes
        self.parameters = parameters
        runningStatistics = statistics
        batchCounters = counters
        self.multiplyAdds = multiplyAdds
    }

    public var output: TensorShape { shapes[shapes.count - 1] }

    /// Values per sample of the largest shape anywhere in the network, input included.
    public var widest: Int { shapes.reduce(input.count) { Swift.max($0, $1.count) } }

    /// Multiply-adds of one forward pass for one sample.
    public var multiplyAddsPerSample: Int { multiplyAdds.reduce(0, +) }

    /// Learnable values in all.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.shape.reduce(1, *) } }

    /// The largest value any size may take, a sample's values between two layers included: a
    /// weight's elements and a layer's multiply-adds then stay far below `Int.max`.
    public static let maximumDimension = 1 << 20

    /// The product of `values`, or nil on overflow.
    private static func product(_ values: [Int]) -> Int? {
        var result = 1
        for value in values {
            let (next, overflow) = result.multipliedReportingOverflow(by: value)
            if overflow { return nil }
            result = next
        }
        return result
    }

    private struct Step {
        var shape: TensorShape
        var parameterShapes: [(String, [Int])] = []
        var multiplyAdds = 0
    }

    private static func apply(_ layer: LayerSpec, to shape: TensorShape, index: Int) throws(LayoutProblem) -> Step {
        let name = "layer \(index) (\(layer.torchDescription))"
        func check(_ values: Int...) throws(LayoutProblem) {
            guard values.allSatisfy({ (1...maximumDimension).contains($0) }) else {
                throw LayoutProblem("\(name) has a size outside 1...\(maximumDimension)")
            }
        }
        func planes(_ channels: Int) throws(LayoutProblem) -> (height: Int, width: Int) {
            guard case .planes(let c, let h, let w) = shape, c == channels else {
                throw LayoutProblem("\(name) needs \(channels)-channel planes, not \(shape.description)")
            }
            return (h, w)
        }
        switch layer {
        case .linear(let inputs, let outputs):
            try check(inputs, outputs)
            guard shape == .flat(inputs) else {
                throw LayoutProblem("\(name) needs \(inputs) flat values, not \(shape.description)")
            }
            return Step(shape: .flat(outputs), parameterShapes: [("weight", [outputs, inputs]), ("bias", [outputs])],
                        multiplyAdds: inputs * outputs)
        case .activation:
            return Step(shape: shape)
        case .conv2d(let inChannels, let outChannels, let kernel, let stride, let padding),
             .convTranspose2d(let inChannels, let outChannels, let kernel, let stride, let padding):
            try check(inChannels, outChannels, kernel, stride, padding + 1)
            let (height, width) = try planes(inChannels)
            let transposed: Bool
            if case .convTranspose2d = layer { transposed = true } else { transposed = false }
            // PyTorch's output sizes: ⌊(H + 2p − k)/s⌋ + 1, and (H − 1)s − 2p + k for the transpose.
            let size = { (input: Int) in
                transposed ? (input - 1) * stride - 2 * padding + kernel : (input + 2 * padding - kernel) / stride + 1
            }
            let (outHeight, outWidth) = (size(height), size(width))
            guard outHeight > 0, outWidth > 0, transposed || (height + 2 * padding >= kernel && width + 2 * padding >= kernel)
            else { throw LayoutProblem("\(name) leaves no output from \(shape.description)") }
            try check(outHeight, outWidth)
            try check(outChannels * outHeight * outWidth)
            // Each input pixel of a transposed convolution meets every kernel tap; each output pixel
            // of a convolution does.
            let pixels = transposed ? height * width : outHeight * outWidth
            let weight = transposed ? [inChannels, outChannels, kernel, kernel] : [outChannels, inChannels, kernel, kernel]
            guard let product = Self.product([pixels, inChannels, outChannels, kernel, kernel]), product <= Int.max >> 16
            else { throw LayoutProblem("\(name) is too large") }
            return Step(shape: .planes(channels: outChannels, height: outHeight, width: outWidth),
                        parameterShapes: [("weight", weight), ("bias", [outChannels])], multiplyAdds: product)
        case .batchNorm2d(let channels):
            try check(channels)
            _ = try planes(channels)
            return Step(shape: shape, parameterShapes: [("weight", [channels]), ("bias", [channels])])
        case .flatten:
            return Step(shape: .flat(shape.count))
        case .unflatten(let channels, let height, let width):
            try check(channels, height, width)
            try check(channels * height * width)
            guard shape == .flat(channels * height * width) else {
                throw LayoutProblem("\(name) needs \(channels * height * width) flat values, not \(shape.description)")
            }
            return Step(shape: .planes(channels: channels, height: height, width: width))
        }
    }
}

/// Why a layer list does not describe a network, in one line.
public struct LayoutProblem: Error, Sendable, Equatable {
    public let detail: String
    public init(_ detail: String) { self.detail = detail }
}
