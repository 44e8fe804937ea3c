import Randomness

/// A network's architecture and state as a plain value: safe to send between threads, to keep
/// while training goes on, to save, and to turn back into a working network.
///
/// The trainer publishes the generator this way so the latent explorer runs its own copy.
public struct NetworkWeights: Sendable, Equatable {
    public var layers: [LayerSpec]
    /// Values per input sample.
    public var inputSize: Int
    /// Parameter values in state-dict order (0.weight, 0.bias, 2.weight, …).
    public var tensors: [[Float]]
    /// BatchNorm's running means and variances, in ``NetworkLayout/runningStatistics`` order
    /// (empty without BatchNorm).
    public var runningStatistics: [[Float]]
    /// BatchNorm's update counters, one per BatchNorm layer.
    public var batchesTracked: [Int]

    public init(layers: [LayerSpec], inputSize: Int, tensors: [[Float]], runningStatistics: [[Float]] = [],
                batchesTracked: [Int] = []) {
        self.layers = layers
        self.inputSize = inputSize
        self.tensors = tensors
        self.runningStatistics = runningStatistics
        self.batchesTracked = batchesTracked
    }

    /// A snapshot of `network`'s current state.
    public init(of network: Sequential<Float>) {
        self.init(layers: network.layers, inputSize: network.inputSize, tensors: network.parameters.map(\.value.array),
                  runningStatistics: network.runningStatistics.map(\.array), batchesTracked: network.batchesTracked)
    }

    /// Values per output sample.
    public var outputSize: Int { layout.output.count }

    /// The layout of these layers; they came from a network or a validated checkpoint.
    public var layout: NetworkLayout {
        do {
            return try NetworkLayout(layers: layers, inputs: inputSize)
        } catch {
            preconditionFailure("weights of an invalid network: \(error.detail)")
        }
    }

    /// A new network holding these weights, in evaluation mode: it is made to be run, not trained
    /// (BatchNorm then uses its running statistics, so each output depends on its own input only).
    public func makeNetwork() -> Sequential<Float> {
        var unusedRNG = SeededRNG(seed: 0)
        let network = Sequential<Float>(layout: layout, rng: &unusedRNG)
        network.isTraining = false
        load(into: network)
        return network
    }

    /// Writes these weights into `network`, which must have the same architecture.
    public func load(into network: Sequential<Float>) {
        precondition(network.layers == layers && network.inputSize == inputSize, "architectures differ")
        for (parameter, values) in zip(network.parameters, tensors) { parameter.value.assign(values) }
        for (buffer, values) in zip(network.runningStatistics, runningStatistics) { buffer.assign(values) }
        network.batchesTracked = batchesTracked
    }
}
