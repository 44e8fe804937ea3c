import NeuralNet

/// The explorer's own generator: a copy of G's weights that the UI thread runs, so explorer keys
/// answer at once whether training runs, waits for a step or is paused. Carries out
/// ``Effect/loadGenerator(_:)`` and ``Effect/renderExplorer(_:)``.
public final class ExplorerEngine {
    private var network: MLP<Float>?

    public init() {}

    /// Takes new weights, reusing the network when the architecture is unchanged.
    public func load(_ weights: NetworkWeights) {
        if let network, network.layers == weights.layers, network.inputSize == weights.inputSize {
            weights.load(into: network)
        } else {
            network = weights.makeNetwork()
        }
    }

    /// Runs the request's latent vectors through the generator; nil before any weights arrive or
    /// when the latent size does not match them.
    public func render(_ request: ExplorerRequest) -> ExplorerImages? {
        guard let network, request.rows > 0, request.latentDimension == network.inputSize else { return nil }
        let features = network.outputSize
        let values = request.latents.withUnsafeBufferPointer { latents -> [Float] in
            guard let base = latents.baseAddress else { return [] }
            let output = network.forward(base, batch: request.rows)
            return Array(UnsafeBufferPointer(start: output, count: request.rows * features))
        }
        return ExplorerImages(requestID: request.id, features: features, values: values)
    }
}
