import NeuralNet

/// The optimiser of one network, as a concrete enum rather than an existential: calls through a
/// protocol witness would run NeuralNet's generic, unspecialised update loop, ~100× slower.
/// Not `Sendable`, like the optimisers it holds.
public enum NetworkOptimizer {
    case adam(Adam<Float>)
    case sgd(SGD<Float>)

    public init(_ kind: OptimizerKind, for network: MLP<Float>, learningRate: Float, config: TrainingConfig) {
        switch kind {
        case .adam:
            self = .adam(Adam(parameters: network.parameters, learningRate: learningRate, beta1: config.beta1,
                              beta2: config.beta2, threads: config.threads))
        case .sgd:
            self = .sgd(SGD(parameters: network.parameters, learningRate: learningRate))
        }
    }

    /// The step size of the next update; the training schedule changes it between steps.
    public var learningRate: Float {
        get {
            switch self {
            case .adam(let adam): adam.learningRate
            case .sgd(let sgd): sgd.learningRate
            }
        }
        nonmutating set {
            switch self {
            case .adam(let adam): adam.learningRate = newValue
            case .sgd(let sgd): sgd.learningRate = newValue
            }
        }
    }

    /// Adam's β1 for the next update (SGD has none: nil, and setting it does nothing).
    public var beta1: Float? {
        get {
            if case .adam(let adam) = self { adam.beta1 } else { nil }
        }
        nonmutating set {
            if case .adam(let adam) = self, let newValue { adam.beta1 = newValue }
        }
    }

    public func step() {
        switch self {
        case .adam(let adam): adam.step()
        case .sgd(let sgd): sgd.step()
        }
    }
}
