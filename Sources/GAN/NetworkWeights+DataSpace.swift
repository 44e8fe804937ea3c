import NeuralNet

extension NetworkWeights {
    /// An autoencoder's decoder ending in data space as the pictures are: with BCE its outputs
    /// are logits, shown as 2σ(logit) − 1 = tanh(logit / 2), so the last layer's weights and bias
    /// are halved (exact in floating point) and a tanh appended; MSE's outputs are data already.
    /// The explorer, `sample` and `explore` then need no autoencoder code. nil when the decoder
    /// does not end in the logits this assumes: no generator rather than a wrong one.
    public func decoderInDataSpace(reconstruction: ReconstructionLoss) -> NetworkWeights? {
        guard reconstruction == .bce else { return self }
        guard let outputLayer = layers.lastIndex(where: \.hasParameters), tensors.count >= 2,
              !layers[outputLayer...].contains(where: { if case .activation = $0 { true } else { false } })
        else { return nil }
        var weights = self
        for index in weights.tensors.indices.suffix(2) {
            weights.tensors[index] = weights.tensors[index].map { $0 / 2 }
        }
        weights.layers.append(.activation(.tanh))
        return weights
    }
}
