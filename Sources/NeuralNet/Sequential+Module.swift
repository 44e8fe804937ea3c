import Randomness

/// One module of a `Sequential` network, built from its ``LayerSpec``: a concrete enum rather than
/// an existential, so the Float calls stay specialised and inlined.
@usableFromInline
enum Module<T: BLASScalar> {
    case linear(Linear<T>)
    case conv(Conv2d<T>)
    case transposedConv(ConvTranspose2d<T>)
    case batchNorm(BatchNorm2d<T>)
    case activation(Activation)
    /// `unflatten`: batch-major rows to a feature-major image batch (``FeatureMajor``) of
    /// `features` values per sample.
    case toFeatureMajor(features: Int)
    /// `flatten` of an image batch: feature-major back to batch-major rows.
    case toBatchMajor(features: Int)
    /// `flatten` of values already flat, or a layout change a `Linear` next to it does itself
    /// (``LayoutFusion``): nothing moves.
    case view

    /// The module for `layer`, laid out as `layouts` says (``LayoutFusion``).
    init(_ layer: LayerSpec, index: Int, input: TensorShape, layouts: LayoutFusion, rng: inout SeededRNG) {
        let prefix = "\(index)."
        if layouts.absorbed.contains(index) {
            self = .view
            return
        }
        switch layer {
        case .linear(let inputs, let outputs):
            self = .linear(Linear(inputs: inputs, outputs: outputs, namePrefix: prefix,
                                  inputLayout: layouts.featureMajorInputs.contains(index) ? .featureMajor : .batchMajor,
                                  outputLayout: layouts.featureMajorOutputs.contains(index) ? .featureMajor : .batchMajor,
                                  rng: &rng))
        case .conv2d(let inChannels, let outChannels, let kernel, let stride, let padding):
            guard case .planes(_, let height, let width) = input else { preconditionFailure("checked by the layout") }
            self = .conv(Conv2d(inChannels: inChannels, outChannels: outChannels, kernelSize: kernel, stride: stride,
                                padding: padding, inputHeight: height, inputWidth: width, namePrefix: prefix, rng: &rng))
        case .convTranspose2d(let inChannels, let outChannels, let kernel, let stride, let padding):
            guard case .planes(_, let height, let width) = input else { preconditionFailure("checked by the layout") }
            self = .transposedConv(ConvTranspose2d(inChannels: inChannels, outChannels: outChannels, kernelSize: kernel,
                                                   stride: stride, padding: padding, inputHeight: height,
                                                   inputWidth: width, namePrefix: prefix, rng: &rng))
        case .batchNorm2d(let channels):
            guard case .planes(_, let height, let width) = input else { preconditionFailure("checked by the layout") }
            self = .batchNorm(BatchNorm2d(channels: channels, height: height, width: width, namePrefix: prefix))
        case .activation(let activation):
            self = .activation(activation)
        case .unflatten(let channels, let height, let width):
            self = .toFeatureMajor(features: channels * height * width)
        case .flatten:
            if case .planes = input { self = .toBatchMajor(features: input.count) } else { self = .view }
        }
    }

    /// Whether the module overwrites its input with its output. Activations do, as their
    /// derivative is written through the output and no layer's backward pass reads its own output
    /// (BatchNorm recomputes x̂ from its input); a view leaves the values where they are.
    var worksInPlace: Bool {
        switch self {
        case .activation, .view: true
        case .linear, .conv, .transposedConv, .batchNorm, .toFeatureMajor, .toBatchMajor: false
        }
    }

    var parameters: [Parameter<T>] {
        switch self {
        case .linear(let layer): [layer.weight, layer.bias]
        case .conv(let layer): layer.parameters
        case .transposedConv(let layer): layer.parameters
        case .batchNorm(let layer): layer.parameters
        case .activation, .toFeatureMajor, .toBatchMajor, .view: []
        }
    }

    var runningStatistics: [Buffer<T>] {
        guard case .batchNorm(let layer) = self else { return [] }
        return [layer.runningMean, layer.runningVariance]
    }

    /// BatchNorm's update count; nil for other modules.
    var batchesTracked: Int? {
        guard case .batchNorm(let layer) = self else { return nil }
        return layer.batchesTracked
    }

    func setBatchesTracked(_ count: Int) {
        if case .batchNorm(let layer) = self { layer.batchesTracked = count }
    }

    func setTraining(_ training: Bool) {
        if case .batchNorm(let layer) = self { layer.isTraining = training }
    }

    /// Computes `output` from `input` for `batch` rows; `count` is the number of output values
    /// (batch × values per sample). For an in-place module both point to the same buffer.
    @inlinable
    func forward(input: UnsafeMutablePointer<T>, output: UnsafeMutablePointer<T>, count: Int, batch: Int) {
        switch self {
        case .linear(let layer):
            layer.forward(input: input, output: output, batch: batch)
        case .conv(let layer):
            layer.forward(input: input, output: output, batch: batch)
        case .transposedConv(let layer):
            layer.forward(input: input, output: output, batch: batch)
        case .batchNorm(let layer):
            layer.forward(input: input, output: output, batch: batch)
        case .activation(let activation):
            if input != output { output.update(from: input, count: count) }
            let values = SendablePointer(output)
            WorkSplit.ranges(of: count) { activation.apply(values.pointer + $0.lowerBound, count: $0.count) }
        case .toFeatureMajor(let features):
            FeatureMajor.fromBatchMajor(input, output, batch: batch, features: features)
        case .toBatchMajor(let features):
            FeatureMajor.toBatchMajor(input, output, batch: batch, features: features)
        case .view:
            return
        }
    }

    /// Backward pass from dL/d(output) in `gradOutput`. Returns true when dL/d(input) was written
    /// to `gradInput` (when given), false when `gradOutput` was turned into it in place.
    @inlinable
    func backward(input: UnsafeMutablePointer<T>, output: UnsafeMutablePointer<T>, gradOutput: UnsafeMutablePointer<T>,
                  gradInput: UnsafeMutablePointer<T>?, count: Int, batch: Int,
                  parameterGradients: GradientMode) -> Bool {
        switch self {
        case .linear(let layer):
            layer.backward(input: input, gradOutput: gradOutput, gradInput: gradInput, batch: batch,
                           parameterGradients: parameterGradients)
            return true
        case .conv(let layer):
            layer.backward(input: input, gradOutput: gradOutput, gradInput: gradInput, batch: batch,
                           parameterGradients: parameterGradients)
            return true
        case .transposedConv(let layer):
            layer.backward(input: input, gradOutput: gradOutput, gradInput: gradInput, batch: batch,
                           parameterGradients: parameterGradients)
            return true
        case .batchNorm(let layer):
            layer.backward(input: input, output: output, gradOutput: gradOutput, gradInput: gradInput, batch: batch,
                           parameterGradients: parameterGradients)
            return true
        case .activation(let activation):
            let (gradient, values) = (SendablePointer(gradOutput), SendablePointer(output))
            WorkSplit.ranges(of: count) {
                activation.backward(gradient: gradient.pointer + $0.lowerBound, output: values.pointer + $0.lowerBound,
                                    count: $0.count)
            }
            return false
        case .toFeatureMajor(let features):
            if let gradInput { FeatureMajor.toBatchMajor(gradOutput, gradInput, batch: batch, features: features) }
            return true
        case .toBatchMajor(let features):
            if let gradInput { FeatureMajor.fromBatchMajor(gradOutput, gradInput, batch: batch, features: features) }
            return true
        case .view:
            return false
        }
    }
}

/// The layout changes a `Linear` takes over from its neighbours (see ``Linear``): a `flatten` of an
/// image batch right before it (it then reads the feature-major batch), and an `unflatten` after it
/// with only activations in between (it writes feature-major; activations work on either layout).
/// Those flatten and unflatten modules become views that move nothing.
@usableFromInline
struct LayoutFusion {
    var featureMajorInputs: Set<Int> = []
    var featureMajorOutputs: Set<Int> = []
    var absorbed: Set<Int> = []

    init(_ layout: NetworkLayout) {
        let layers = layout.layers
        for (index, layer) in layers.enumerated() {
            guard case .linear = layer else { continue }
            if index > 0, case .flatten = layers[index - 1],
               case .planes = index > 1 ? layout.shapes[index - 2] : layout.input {
                featureMajorInputs.insert(index)
                absorbed.insert(index - 1)
            }
            var next = index + 1
            while next < layers.count, case .activation = layers[next] { next += 1 }
            if next < layers.count, case .unflatten = layers[next] {
                featureMajorOutputs.insert(index)
                absorbed.insert(next)
            }
        }
    }
}
