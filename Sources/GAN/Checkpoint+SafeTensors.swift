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
        try NamedNetwork.tensors([
            NamedNetwork(name: "generator", weights: generator, optimizer: generatorOptimizer),
            NamedNetwork(name: "discriminator", weights: discriminator, optimizer: discriminatorOptimizer),
        ]) + [
            try Tensor(name: TensorName.fixedNoise, shape: [info.config.sampleCount, info.architecture.latentDimension],
                       values: fixedNoise),
        ]
    }

    /// Reads a checkpoint out of a decoded safetensors file, checking every tensor against the
    /// metadata: all present, none extra, every shape as the architecture implies.
    public init(file: SafeTensorsFile, source: String) throws(CheckpointError) {
        let info = try CheckpointInfo(metadata: file.metadata, source: source)
        var table = TensorTable(file: file, source: source)
        let architecture = info.architecture
        let layouts: (generator: NetworkLayout, discriminator: NetworkLayout)
        do throws(ArchitectureProblem) {
            layouts = try architecture.layouts(features: info.dataShape.featureCount)
        } catch {
            // CheckpointInfo has checked the record already; a file cannot get here.
            throw .invalidMetadata(source: source, key: MetadataKey.architecture, detail: error.detail)
        }
        let withAdam = info.config.optimizer == .adam
        let (generator, generatorOptimizer) = try table.network("generator", layout: layouts.generator, adam: withAdam)
        let (discriminator, discriminatorOptimizer) = try table.network("discriminator", layout: layouts.discriminator,
                                                                        adam: withAdam)
        let noiseShape = [info.config.sampleCount, architecture.latentDimension]
        let noise = try table.take(TensorName.fixedNoise, shape: noiseShape)
        try table.expectEmpty()
        self.init(info: info, generator: generator, discriminator: discriminator,
                  generatorOptimizer: generatorOptimizer, discriminatorOptimizer: discriminatorOptimizer, fixedNoise: noise)
    }
}

/// One network of a checkpoint under its name ("generator", "encoder", …), with Adam's state.
struct NamedNetwork {
    var name: String
    var weights: NetworkWeights
    var optimizer: OptimizerState?

    /// The networks' tensors in file order: BatchNorm's int64 counters first (the data starts
    /// 8-aligned, so they stay aligned), then every network's parameters and running statistics,
    /// then every network's optimiser state.
    static func tensors(_ networks: [NamedNetwork]) throws(TensorError) -> [Tensor] {
        var tensors: [Tensor] = []
        for network in networks {
            for (name, count) in zip(network.weights.layout.batchCounters, network.weights.batchesTracked) {
                tensors.append(try Tensor(name: TensorName.parameter(network.name, name), shape: [],
                                          integers: [Int64(count)]))
            }
        }
        for network in networks {
            let layout = network.weights.layout
            for (entry, values) in zip(layout.parameters + layout.runningStatistics,
                                       network.weights.tensors + network.weights.runningStatistics) {
                tensors.append(try Tensor(name: TensorName.parameter(network.name, entry.name), shape: entry.shape,
                                          values: values))
            }
        }
        for network in networks {
            guard let optimizer = network.optimizer else { continue }
            for (index, layout) in network.weights.layout.parameters.enumerated() {
                tensors.append(try Tensor(name: TensorName.firstMoment(network.name, layout.name), shape: layout.shape,
                                          values: optimizer.firstMoments[index]))
                tensors.append(try Tensor(name: TensorName.secondMoment(network.name, layout.name), shape: layout.shape,
                                          values: optimizer.secondMoments[index]))
            }
            tensors.append(try Tensor(name: TensorName.optimizerStep(network.name), shape: [],
                                      values: [Float(optimizer.stepCount)]))
        }
        return tensors
    }
}

/// The tensors of a file not yet claimed by the reader; each is taken once, with its shape checked.
struct TensorTable {
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
        guard tensor.dtype == .f32 else {
            throw .invalidValue(source: source, name: name, detail: "dtype \(tensor.dtype.rawValue) where F32 belongs")
        }
        return tensor.values
    }

    /// A counter stored as PyTorch stores BatchNorm's `num_batches_tracked`: an I64 scalar.
    mutating func takeCount(_ name: String) throws(CheckpointError) -> Int {
        guard let tensor = remaining.removeValue(forKey: name) else {
            throw .missingTensor(source: source, name: name)
        }
        guard tensor.shape == [], tensor.dtype == .i64, let count = tensor.integers.first, count >= 0 else {
            throw .invalidValue(source: source, name: name, detail: "not a non-negative int64 scalar")
        }
        return Int(count)
    }

    /// The weights of the network stored under `name` with this layout, and its Adam state if `adam`.
    mutating func network(_ name: String, layout: NetworkLayout,
                          adam: Bool) throws(CheckpointError) -> (NetworkWeights, OptimizerState?) {
        var values: [[Float]] = [], statistics: [[Float]] = [], counts: [Int] = []
        for entry in layout.parameters {
            values.append(try take(TensorName.parameter(name, entry.name), shape: entry.shape))
        }
        for entry in layout.runningStatistics {
            statistics.append(try take(TensorName.parameter(name, entry.name), shape: entry.shape))
        }
        for counter in layout.batchCounters {
            counts.append(try takeCount(TensorName.parameter(name, counter)))
        }
        let weights = NetworkWeights(layers: layout.layers, inputSize: layout.input.count, tensors: values,
                                     runningStatistics: statistics, batchesTracked: counts)
        return (weights, adam ? try optimizerState(network: name, layout: layout.parameters) : nil)
    }

    private mutating func optimizerState(network: String, layout: [ParameterLayout]) throws(CheckpointError) -> OptimizerState {
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
