import NeuralNet

/// Adam's state for one network, as PyTorch keeps it: a step count and, per parameter, the first
/// and second moment estimates (`exp_avg`, `exp_avg_sq`), in the network's parameter order.
public struct OptimizerState: Sendable, Equatable {
    public var stepCount: Int
    public var firstMoments: [[Float]]
    public var secondMoments: [[Float]]

    public init(stepCount: Int, firstMoments: [[Float]], secondMoments: [[Float]]) {
        self.stepCount = stepCount
        self.firstMoments = firstMoments
        self.secondMoments = secondMoments
    }
}

extension NetworkOptimizer {
    /// A copy of the optimiser's state; nil for SGD, which has none.
    public var state: OptimizerState? {
        switch self {
        case .adam(let adam):
            OptimizerState(stepCount: adam.stepCount, firstMoments: adam.firstMoments.map(\.array),
                           secondMoments: adam.secondMoments.map(\.array))
        case .sgd:
            nil
        }
    }

    /// Puts `state` back; it must come from an optimiser of the same kind and network shape.
    func restore(_ state: OptimizerState?) {
        guard case .adam(let adam) = self, let state else { return }
        adam.stepCount = state.stepCount
        for (buffer, values) in zip(adam.firstMoments, state.firstMoments) { buffer.assign(values) }
        for (buffer, values) in zip(adam.secondMoments, state.secondMoments) { buffer.assign(values) }
    }
}
