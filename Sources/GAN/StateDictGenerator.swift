import Datasets
import NeuralNet
import SafeTensors

/// A generator read from a bare PyTorch `nn.Sequential` state dict (no ganscope metadata), its
/// architecture inferred from the tensors' names and shapes.
///
/// Names are `I.weight`, `I.bias`, `I.running_mean`, `I.running_var`, `I.num_batches_tracked`
/// (I the module's index), with or without a `generator.` prefix; when some names have the
/// prefix, only those are read (a file holding G and D together). Two layouts are known:
///
/// - **MLP**: Linear modules only, at indices 0, 2, 4, …: `Linear, act, Linear, act, …, Linear,
///   Tanh`, act LeakyReLU(0.2). The n outputs are a side×side gray image when n is a square
///   (784 → 28×28), else colour when n/3 is (3072 → 3×32×32); `--image-size` decides otherwise.
/// - **DCGAN** (`make_dcgan`, ganscope's `--model dcgan`): `Linear(z, C·s·s)` at 0, then
///   ConvTranspose2d modules from index 3 (ReLU and `Unflatten(1, (C, s, s))` between), each
///   optionally followed by BatchNorm2d, with ReLU between stages and `Tanh, Flatten` at the end.
///   Kernels of 4 are taken as stride 2, padding 1 (each stage doubles the side), as in DCGAN.
///
/// Everything else is refused; the caller lists the tensors found.
enum StateDictGenerator {
    struct Inferred {
        var weights: NetworkWeights
        var shape: DataShape
        /// E.g. "mlp 64-256-512-784, 28×28 gray".
        var summary: String
    }

    /// The prefix of a generator inside a state dict that also holds other networks.
    static let prefix = "generator."

    static func infer(_ tensors: [Tensor], hints: GeneratorHints) throws(InferenceProblem) -> Inferred {
        let modules = try Self.modules(of: tensors)
        guard let first = modules.first, case .linear(let z, let firstOutputs) = first.layer, first.index == 0 else {
            throw InferenceProblem("the first module must be a Linear at index 0")
        }
        if let wanted = hints.latentDimension, wanted != z {
            throw InferenceProblem("--z-dim \(wanted) does not fit: the first Linear takes \(z) inputs")
        }
        guard ConfigLimits.latentDimension.contains(z) else {
            throw InferenceProblem("latent size \(z) is outside \(ConfigLimits.latentDimension)")
        }
        let isMLP = modules.allSatisfy { if case .linear = $0.layer { true } else { false } }
        let layers = isMLP
            ? mlpLayers(modules, hidden: hints.hiddenActivation ?? ModelArchitecture.leaky)
            : try dcganLayers(modules, firstOutputs: firstOutputs, hidden: hints.hiddenActivation ?? .relu)
        let layout: NetworkLayout
        do throws(LayoutProblem) {
            layout = try NetworkLayout(layers: layers, inputs: z)
        } catch {
            throw InferenceProblem(error.detail)
        }
        let weights = try Self.weights(layout: layout, modules: modules,
                                       family: isMLP ? "Linear, activation, Linear, …, Tanh"
                                           : "Linear, ReLU, Unflatten, ConvTranspose2d, [BatchNorm2d,] ReLU, …, Tanh, Flatten")
        let shape = try imageShape(layout: layout, isMLP: isMLP, side: hints.imageSide)
        let family: String
        if isMLP, let sizes = LayerSpec.mlpForm(of: layers)?.sizes {
            family = "mlp " + sizes.map(String.init).joined(separator: "-")
        } else {
            let batchNorm = layers.contains { if case .batchNorm2d = $0 { true } else { false } }
            family = batchNorm ? "dcgan+bn" : "dcgan"
        }
        guard case .image(let side, _, let channels) = shape else { preconditionFailure("images only") }
        return Inferred(weights: weights, shape: shape,
                        summary: "\(family), z \(z), \(side)×\(side) \(channels == 3 ? "colour" : "gray")")
    }

    /// One module of the state dict: its index and what its tensors say it is.
    struct Module {
        var index: Int
        var layer: LayerSpec
        var tensors: [String: Tensor]
    }

    /// The tensors grouped by module index, each recognised by its parameters' names and shapes.
    private static func modules(of tensors: [Tensor]) throws(InferenceProblem) -> [Module] {
        let prefixed = tensors.filter { $0.name.hasPrefix(prefix) }
        let chosen = prefixed.isEmpty ? tensors : prefixed
        guard !chosen.isEmpty else { throw InferenceProblem("the file holds no tensors") }
        var grouped: [Int: [String: Tensor]] = [:]
        for tensor in chosen {
            let name = prefixed.isEmpty ? Substring(tensor.name) : tensor.name.dropFirst(prefix.count)
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[0]), (0..<10_000).contains(index),
                  String(index) == parts[0], parameterNames.contains(String(parts[1]))
            else {
                throw InferenceProblem("\(tensor.name.quotedForMessage) is not an nn.Sequential entry such as \"0.weight\"")
            }
            grouped[index, default: [:]][String(parts[1])] = tensor
        }
        var modules: [Module] = []
        for index in grouped.keys.sorted() {
            let found = grouped[index] ?? [:]
            modules.append(Module(index: index, layer: try layer(found, index: index), tensors: found))
        }
        return modules
    }

    private static let parameterNames: Set<String> = ["weight", "bias", "running_mean", "running_var",
                                                      "num_batches_tracked"]

    private static func layer(_ tensors: [String: Tensor], index: Int) throws(InferenceProblem) -> LayerSpec {
        let names = Set(tensors.keys)
        let weight = tensors["weight"]?.shape ?? [], bias = tensors["bias"]?.shape ?? []
        if names == ["weight", "bias"], weight.count == 2, bias == [weight[0]] {
            return .linear(inputs: weight[1], outputs: weight[0])
        }
        if names == ["weight", "bias"], weight.count == 4, bias == [weight[1]], weight[2] == weight[3] {
            // A generator upsamples: a 4-D weight is a transposed convolution's [in, out, k, k].
            guard weight[2] == 4 else {
                throw InferenceProblem("module \(index) has a \(weight[2])×\(weight[3]) kernel; only DCGAN's 4×4 "
                                       + "(stride 2, padding 1) is known")
            }
            return .convTranspose2d(inChannels: weight[0], outChannels: weight[1], kernelSize: 4, stride: 2, padding: 1)
        }
        let statistics: Set<String> = ["weight", "bias", "running_mean", "running_var"]
        if names == statistics || names == statistics.union(["num_batches_tracked"]), weight.count == 1,
           ["bias", "running_mean", "running_var"].allSatisfy({ tensors[$0]?.shape == weight }) {
            return .batchNorm2d(channels: weight[0])
        }
        let found = names.sorted().map { "\($0) \(tensors[$0]?.shape ?? [])" }.joined(separator: ", ")
        throw InferenceProblem("module \(index) (\(found)) is not a Linear, ConvTranspose2d or BatchNorm2d")
    }

    private static func mlpLayers(_ modules: [Module], hidden: Activation) -> [LayerSpec] {
        modules.enumerated().flatMap { position, module -> [LayerSpec] in
            [module.layer, .activation(position == modules.count - 1 ? .tanh : hidden)]
        }
    }

    private static func dcganLayers(_ modules: [Module], firstOutputs: Int,
                                    hidden: Activation) throws(InferenceProblem) -> [LayerSpec] {
        guard modules.count >= 2, case .convTranspose2d(let channels, _, _, _, _) = modules[1].layer, channels > 0 else {
            throw InferenceProblem("after the first Linear comes a Linear stack or ConvTranspose2d modules")
        }
        let pixels = firstOutputs / channels
        let side = Int(Double(pixels).squareRoot().rounded())
        guard firstOutputs % channels == 0, side * side == pixels else {
            throw InferenceProblem("the first Linear's \(firstOutputs) outputs are not \(channels) square planes "
                                   + "for the first ConvTranspose2d")
        }
        var layers: [LayerSpec] = [modules[0].layer, .activation(hidden),
                                   .unflatten(channels: channels, height: side, width: side)]
        for (position, module) in modules.enumerated().dropFirst() {
            layers.append(module.layer)
            let isLast = position == modules.count - 1
            switch module.layer {
            case .convTranspose2d:
                if isLast {
                    layers += [.activation(.tanh), .flatten]
                } else if case .convTranspose2d = modules[position + 1].layer {
                    layers.append(.activation(hidden))
                }
            case .batchNorm2d:
                guard !isLast else { throw InferenceProblem("the last module is a BatchNorm2d, not a ConvTranspose2d") }
                layers.append(.activation(hidden))
            default:
                throw InferenceProblem("module \(module.index) is a Linear among the ConvTranspose2d modules")
            }
        }
        return layers
    }

    /// The layout's tensors taken from the modules: every name present with its shape and dtype,
    /// none left over (module indices that do not follow the layout show up here).
    private static func weights(layout: NetworkLayout, modules: [Module],
                                family: String) throws(InferenceProblem) -> NetworkWeights {
        var remaining: [String: Tensor] = [:]
        for module in modules {
            for (name, tensor) in module.tensors { remaining["\(module.index).\(name)"] = tensor }
        }
        func take(_ entry: ParameterLayout) throws(InferenceProblem) -> [Float] {
            guard let tensor = remaining.removeValue(forKey: entry.name), tensor.shape == entry.shape else {
                throw InferenceProblem("the module indices do not follow the layout \(family) (no \(entry.name))")
            }
            guard tensor.dtype == .f32 else { throw InferenceProblem("\(entry.name) is \(tensor.dtype.rawValue), not F32") }
            return tensor.values
        }
        var parameters: [[Float]] = [], statistics: [[Float]] = [], counts: [Int] = []
        for entry in layout.parameters { parameters.append(try take(entry)) }
        for entry in layout.runningStatistics { statistics.append(try take(entry)) }
        for name in layout.batchCounters {
            // PyTorch stores an int64 scalar; it only matters for training, so a missing one is 0.
            let count = remaining.removeValue(forKey: name)
            guard count == nil || (count?.dtype == .i64 && count?.shape == []) else {
                throw InferenceProblem("\(name) is not an int64 scalar")
            }
            counts.append(Int(max(0, count?.integers.first ?? 0)))
        }
        if let extra = remaining.keys.sorted().first {
            throw InferenceProblem("\(extra) does not belong to the layout \(family)")
        }
        return NetworkWeights(layers: layout.layers, inputSize: layout.input.count, tensors: parameters,
                              runningStatistics: statistics, batchesTracked: counts)
    }

    /// The image the output is: a DCGAN's planes, or an MLP's n values folded by the rule above.
    private static func imageShape(layout: NetworkLayout, isMLP: Bool, side: Int?) throws(InferenceProblem) -> DataShape {
        let count = layout.output.count
        if !isMLP {
            guard let planes = layout.shapes.last(where: { if case .planes = $0 { true } else { false } }),
                  case .planes(let channels, let height, let width) = planes, height == width,
                  channels == 1 || channels == 3
            else { throw InferenceProblem("the last ConvTranspose2d must give 1 or 3 square planes") }
            if let side, side != width {
                throw InferenceProblem("--image-size \(side) does not fit: the layers make \(width)×\(height) images")
            }
            return .image(width: width, height: height, channels: channels)
        }
        func square(_ n: Int) -> Int? {
            let root = Int(Double(n).squareRoot().rounded())
            return root * root == n ? root : nil
        }
        if let side {
            guard (1...NetworkLayout.maximumDimension).contains(side) else {
                throw InferenceProblem("--image-size \(side) is outside 1...\(NetworkLayout.maximumDimension)")
            }
            for channels in [1, 3] where channels * side * side == count {
                return .image(width: side, height: side, channels: channels)
            }
            throw InferenceProblem("--image-size \(side) does not fit \(count) outputs (gray \(side)×\(side) "
                                   + "or colour 3×\(side)×\(side))")
        }
        if let side = square(count) { return .image(width: side, height: side, channels: 1) }
        if count % 3 == 0, let side = square(count / 3) { return .image(width: side, height: side, channels: 3) }
        throw InferenceProblem("\(count) outputs are neither a square gray image nor a square colour one; "
                               + "give --image-size")
    }
}

/// Why a state dict is not a generator ganscope recognises, in one line.
struct InferenceProblem: Error {
    let detail: String
    init(_ detail: String) { self.detail = detail }
}
