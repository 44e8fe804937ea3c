import NeuralNet
import SafeTensors

/// The tensor names of a checkpoint, PyTorch's state-dict names with a network prefix.
enum TensorName {
    static let fixedNoise = "fixed_noise"

    static func parameter(_ network: String, _ name: String) -> String { "\(network).\(name)" }
    static func firstMoment(_ network: String, _ name: String) -> String { "optimizer.\(network).\(name).exp_avg" }
    static func secondMoment(_ network: String, _ name: String) -> String { "optimizer.\(network).\(name).exp_avg_sq" }
    static func optimizerStep(_ network: String) -> String { "optimizer.\(network).step" }
}

extension Checkpoint {
    private static let networkNames = ["generator", "discriminator"]

    /// The checkpoint as a safetensors file: networks, then optimiser state, then the fixed noise.
    /// Throws ``CheckpointError/unsavable(detail:)`` when the metadata could not be read back.
    public func safeTensorsFile() throws(CheckpointError) -> SafeTensorsFile {
        let metadata = try info.metadata
        do {
            return try SafeTensorsFile(tensors: tensors(), metadata: metadata)
        } catch {
            // The tensors come from live networks whose shapes match by construction.
            preconditionFailure("checkpoint tensors do not fit their shapes: \(error)")
        }
    }

    private func tensors() throws(TensorError) -> [Tensor] {
        let networks = [(generator, generatorOptimizer), (discriminator, discriminatorOptimizer)]
        var tensors: [Tensor] = []
        for ((weights, _), network) in zip(networks, Self.networkNames) {
            for (layout, values) in zip(Self.layout(of: weights), weights.tensors) {
                tensors.append(try Tensor(name: TensorName.parameter(network, layout.name), shape: layout.shape,
                                          values: values))
            }
        }
        for ((weights, optimizer), network) in zip(networks, Self.networkNames) {
            guard let optimizer else { continue }
            for (index, layout) in Self.layout(of: weights).enumerated() {
                tensors.append(try Tensor(name: TensorName.firstMoment(network, layout.name), shape: layout.shape,
                                          values: optimizer.firstMoments[index]))
                tensors.append(try Tensor(name: TensorName.secondMoment(network, layout.name), shape: layout.shape,
                                          values: optimizer.secondMoments[index]))
            }
            tensors.append(try Tensor(name: TensorName.optimizerStep(network), shape: [],
                                      values: [Float(optimizer.stepCount)]))
        }
        tensors.append(try Tensor(name: TensorName.fixedNoise,
                                  shape: [info.config.sampleCount, info.architecture.latentDimension],
                                  values: fixedNoise))
        return tensors
    }

    /// Reads a checkpoint out of a decoded safetensors file, checking every tensor against the
    /// metadata: all present, none extra, every shape as the architecture implies.
    public init(file: SafeTensorsFile, source: String) throws(CheckpointError) {
        let info = try CheckpointInfo(metadata: file.metadata, source: source)
        var table = TensorTable(file: file, source: source)
        let architecture = info.architecture
        let shapes = [(architecture.generatorSizes, architecture.generatorActivations),
                      (architecture.discriminatorSizes, architecture.discriminatorActivations)]
        var weights: [MLPWeights] = []
        var states: [OptimizerState?] = []
        for ((sizes, activations), network) in zip(shapes, Self.networkNames) {
            let layout = MLP<Float>.parameterLayout(sizes: sizes, activations: activations)
            var values: [[Float]] = []
            for entry in layout {
                values.append(try table.take(TensorName.parameter(network, entry.name), shape: entry.shape))
            }
            weights.append(MLPWeights(sizes: sizes, activations: activations, tensors: values))
            states.append(info.config.optimizer == .adam
                ? try table.optimizerState(network: network, layout: layout) : nil)
        }
        let noiseShape = [info.config.sampleCount, architecture.latentDimension]
        let noise = try table.take(TensorName.fixedNoise, shape: noiseShape)
        try table.expectEmpty()
        self.init(info: info, generator: weights[0], discriminator: weights[1],
                  generatorOptimizer: states[0], discriminatorOptimizer: states[1], fixedNoise: noise)
    }

    private static func layout(of weights: MLPWeights) -> [ParameterLayout] {
        MLP<Float>.parameterLayout(sizes: weights.sizes, activations: weights.activations)
    }
}

/// The tensors of a file not yet claimed by the reader; each is taken once, with its shape checked.
private struct TensorTable {
    private var remaining: [String: Tensor]
    private let order: [String]
    private let source: String

    init(file: SafeTensorsFile, source: String) {
        remaining = Dictionary(file.tensors.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        order = file.tensors.map(\.name)
        self.source = source
    }

    mutating func take(_ name: String, shape: [Int]) throws(CheckpointError) -> [Float] {
        guard let tensor = remaining.removeValue(forKey: name) else {
            throw .missingTensor(source: source, name: name)
        }
        guard tensor.shape == shape else {
            throw .shapeMismatch(source: source, name: name, expected: shape, found: tensor.shape)
        }
        return tensor.values
    }

    mutating func optimizerState(network: String, layout: [ParameterLayout]) throws(CheckpointError) -> OptimizerState {
        var first: [[Float]] = [], second: [[Float]] = []
        for entry in layout {
            first.append(try take(TensorName.firstMoment(network, entry.name), shape: entry.shape))
            second.append(try take(TensorName.secondMoment(network, entry.name), shape: entry.shape))
        }
        let name = TensorName.optimizerStep(network)
        let step = try take(name, shape: [])[0]
        // Counts are exact in Float up to 2^24 (16.7 million updates).
        guard step.isFinite, step >= 0, step <= 0x1p24, step == step.rounded() else {
            throw .invalidValue(source: source, name: name, detail: "\(step) is not a whole step count in 0...2^24")
        }
        return OptimizerState(stepCount: Int(step), firstMoments: first, secondMoments: second)
    }

    func expectEmpty() throws(CheckpointError) {
        if let name = order.first(where: { remaining[$0] != nil }) {
            throw .unexpectedTensor(source: source, name: name)
        }
    }
}
