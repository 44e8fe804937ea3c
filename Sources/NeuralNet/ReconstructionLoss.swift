/// How an autoencoder scores its reconstruction of a sample: summed over the sample's values
/// (pixels or coordinates), so a VAE's reconstruction term and its KL term are on the scale of
/// one sample's log-likelihood, as the ELBO needs.
public enum ReconstructionLoss: String, Sendable, Codable, CaseIterable {
    /// Binary cross-entropy of the decoder's logits against targets in [0, 1]: the negative
    /// log-likelihood of a Bernoulli decoder, the lecture's choice for pixels.
    case bce
    /// Σ (y − t)²: a Gaussian decoder's negative log-likelihood up to scale and constant.
    case mse

    /// The loss summed over `count` outputs and targets; if `gradient` is given, writes
    /// dℓ/d(output) · `gradientScale` there.
    @inlinable
    public func sum<T: BLASScalar>(outputs: UnsafePointer<T>, targets: UnsafePointer<T>, count: Int,
                                   gradient: UnsafeMutablePointer<T>? = nil, gradientScale: T = 1) -> T {
        switch self {
        case .bce:
            return BinaryCrossEntropy.sum(logits: outputs, targets: targets, count: count, gradient: gradient,
                                          gradientScale: gradientScale)
        case .mse:
            var total: T = 0
            for i in 0..<count {
                let difference = outputs[i] - targets[i]
                total += difference * difference
                if let gradient { gradient[i] = 2 * difference * gradientScale }
            }
            return total
        }
    }
}
