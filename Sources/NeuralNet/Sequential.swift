import Randomness

/// A network laid out like PyTorch's `nn.Sequential`: a list of modules (``LayerSpec``) run in
/// order on a flat input, with the state-dict names PyTorch gives them ("0.weight", "3.bias", …,
/// every module counted, activations included).
///
/// The network owns its activation buffers (llm.c style): `forward` copies the input in, keeps
/// what the backward pass needs, and returns a pointer to the output, valid until the next call.
/// Activations run in place on the output of the layer before them. Input and output are
/// batch-major rows; between `unflatten` and `flatten` image batches are feature-major
/// (``FeatureMajor``), so those two transpose — unless a `Linear` next to them reads or writes
/// the feature-major batch itself (``LayoutFusion``) — while a `flatten` of flat values moves
/// nothing. Not `Sendable`, so the compiler keeps a network on
/// the thread that owns it: another thread gets its own copy (`clone()`) or its weights as values
/// (``NetworkWeights``).
///
/// Like a PyTorch module it is in training mode until told otherwise; the mode matters only to
/// BatchNorm, which normalises by the batch's statistics when training and by its running
/// statistics when evaluating.
public final class Sequential<T: BLASScalar> {
    /// Shapes and state-dict entries, computed from the specs before anything was allocated.
    public let layout: NetworkLayout
    @usableFromInline let modules: [Module<T>]
    /// Learnable tensors in state-dict order.
    public let parameters: [Parameter<T>]

    /// outputSlot[i]: the buffer that holds layer i's output (slot 0 is the input copy).
    @usableFromInline let outputSlot: [Int]
    /// Values per sample of each slot.
    @usableFromInline let slotWidths: [Int]
    /// The first layer with weights: with no dL/d(input) wanted, the backward pass stops there.
    @usableFromInline let firstWeightedLayer: Int

    /// Rows the buffers currently hold.
    public private(set) var capacity = 0
    @usableFromInline var values: [Buffer<T>] = []
    @usableFromInline var gradientA = Buffer<T>(count: 0)
    @usableFromInline var gradientB = Buffer<T>(count: 0)

    /// A network of `layers` on inputs of `inputs` values, initialised as PyTorch initialises each
    /// module by default, drawing from `rng` in layer order. The layer list must be valid
    /// (``NetworkLayout`` says why not); callers with untrusted sizes check it first.
    public convenience init(layers: [LayerSpec], inputs: Int, rng: inout SeededRNG) {
        do {
            self.init(layout: try NetworkLayout(layers: layers, inputs: inputs), rng: &rng)
        } catch {
            preconditionFailure("invalid network: \(error.detail)")
        }
    }

    public init(layout: NetworkLayout, rng: inout SeededRNG) {
        self.layout = layout
        var modules: [Module<T>] = []
        var outputSlot: [Int] = [], slotWidths = [layout.input.count]
        let layouts = LayoutFusion(layout)
        for (index, layer) in layout.layers.enumerated() {
            let inputShape = index == 0 ? layout.input : layout.shapes[index - 1]
            let module = Module<T>(layer, index: index, input: inputShape, layouts: layouts, rng: &rng)
            if module.worksInPlace {
                outputSlot.append(outputSlot.last ?? 0)
            } else {
                outputSlot.append(slotWidths.count)
                slotWidths.append(layout.shapes[index].count)
            }
            modules.append(module)
        }
        self.modules = modules
        self.outputSlot = outputSlot
        self.slotWidths = slotWidths
        parameters = modules.flatMap(\.parameters)
        firstWeightedLayer = modules.firstIndex { !$0.parameters.isEmpty } ?? 0
    }

    /// The specs the network was built from.
    public var layers: [LayerSpec] { layout.layers }

    /// A deep copy: same weights, running statistics and mode; its own buffers.
    public func clone() -> Sequential<T> {
        var unusedRNG = SeededRNG(seed: 0)
        let copy = Sequential(layout: layout, rng: &unusedRNG)
        copy.copyWeights(from: self)
        copy.isTraining = isTraining
        return copy
    }

    /// Overwrites this network's weights and running statistics with `other`'s (same architecture).
    public func copyWeights(from other: Sequential<T>) {
        precondition(other.layout == layout, "architectures differ")
        for (mine, theirs) in zip(parameters, other.parameters) { mine.value.copy(from: theirs.value) }
        for (mine, theirs) in zip(runningStatistics, other.runningStatistics) { mine.copy(from: theirs) }
        batchesTracked = other.batchesTracked
    }

    /// Training (batch statistics) or evaluation (running statistics) mode, as PyTorch's
    /// `train()`/`eval()`; only BatchNorm layers behave differently.
    public var isTraining = true {
        didSet { for module in modules { module.setTraining(isTraining) } }
    }

    /// BatchNorm's running mean and variance, in ``NetworkLayout/runningStatistics`` order.
    public var runningStatistics: [Buffer<T>] { modules.flatMap(\.runningStatistics) }

    /// BatchNorm's update counters, one per BatchNorm layer.
    public var batchesTracked: [Int] {
        get { modules.compactMap(\.batchesTracked) }
        set {
            var counts = newValue[...]
            for module in modules where module.batchesTracked != nil {
                module.setBatchesTracked(counts.popFirst() ?? 0)
            }
        }
    }

    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
    public var inputSize: Int { layout.input.count }
    public var outputSize: Int { layout.output.count }

    /// Multiply-adds of one forward pass for one sample.
    public var multiplyAddsPerSample: Int { layout.multiplyAddsPerSample }

    /// The values after layer `boundary − 1` of the last forward pass (0: the input copy), for
    /// `width(after:)` values per sample: batch-major rows where that layer's output is flat,
    /// feature-major where it is an image batch — and also where a `Linear` writes straight into
    /// a feature-major batch or reads one (``LayoutFusion``): the flat values between such a layer
    /// and its `unflatten`, and a `flatten` before one. A layer computed in place shares its
    /// buffer with the one before it, which then shows the later values.
    public func values(after boundary: Int) -> UnsafeMutablePointer<T> {
        values[boundary == 0 ? 0 : outputSlot[boundary - 1]].pointer
    }

    /// Values per sample after layer `boundary − 1` (0: the input).
    public func width(after boundary: Int) -> Int {
        boundary == 0 ? layout.input.count : layout.shapes[boundary - 1].count
    }

    /// Runs the network on `batch` rows of `input`; returns the (batch, outputs) result, valid
    /// until the next `forward`.
    @inlinable
    public func forward(_ input: UnsafePointer<T>, batch: Int) -> UnsafeMutablePointer<T> {
        reserve(batch: batch)
        values[0].pointer.update(from: input, count: batch * slotWidths[0])
        var source = 0
        for (index, module) in modules.enumerated() {
            let target = outputSlot[index]
            module.forward(input: values[source].pointer, output: values[target].pointer,
                           count: batch * slotWidths[target], batch: batch)
            source = target
        }
        return values[source].pointer
    }

    /// Backpropagates dL/d(output) through the batch of the last `forward`: fills parameter
    /// gradients per `parameterGradients` and, if `gradInput` is given, writes dL/d(input).
    /// Without `gradInput` it stops at the first layer with weights, which then computes no
    /// input gradient either.
    @inlinable
    public func backward(gradOutput: UnsafePointer<T>, batch: Int, parameterGradients: GradientMode,
                         gradInput: UnsafeMutablePointer<T>? = nil) {
        precondition(batch <= capacity, "backward needs the forward pass of the same batch")
        var current = gradientA.pointer
        var spare = gradientB.pointer
        current.update(from: gradOutput, count: batch * outputSize)
        let lastLayer = gradInput == nil ? firstWeightedLayer : 0
        for index in stride(from: modules.count - 1, through: lastLayer, by: -1) {
            let outputValues = values[outputSlot[index]].pointer
            let inputValues = values[index == 0 ? 0 : outputSlot[index - 1]].pointer
            let direct = index == lastLayer
            let target: UnsafeMutablePointer<T>? = direct ? gradInput : spare
            let moved = modules[index].backward(
                input: inputValues, output: outputValues, gradOutput: current, gradInput: target,
                count: batch * slotWidths[outputSlot[index]], batch: batch, parameterGradients: parameterGradients)
            if moved {
                swap(&current, &spare)
            } else if direct, let gradInput {
                // An activation first: its gradient was formed in place and still has to go out.
                gradInput.update(from: current, count: batch * inputSize)
            }
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
        values = slotWidths.map { Buffer(count: batch * $0) }
        let widest = slotWidths.max() ?? 0
        gradientA = Buffer(count: batch * widest)
        gradientB = Buffer(count: batch * widest)
    }
}

/// A network of linear layers and activations: the name the MLP-GAN code uses.
public typealias MLP<T: BLASScalar> = Sequential<T>

extension Sequential {
    /// The MLP z_l = φ_l(b_l + W_l z_{l-1}) (see ``LayerSpec/mlp(sizes:activations:)``), with
    /// PyTorch's default initialisation drawn from `rng`.
    public convenience init(sizes: [Int], activations: [Activation], rng: inout SeededRNG) {
        self.init(layers: LayerSpec.mlp(sizes: sizes, activations: activations), inputs: sizes[0], rng: &rng)
    }
}
