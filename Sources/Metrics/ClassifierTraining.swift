/// How the image classifier behind FCD and the class metrics is trained: Adam on softmax
/// cross-entropy over random minibatches of the real, labelled training data.
public struct ClassifierTraining: Sendable, Equatable, Codable {
    public var steps = 2_000
    public var batchSize = 128
    public var learningRate: Float = 1e-3

    public init(steps: Int = 2_000, batchSize: Int = 128, learningRate: Float = 1e-3) {
        self.steps = steps
        self.batchSize = batchSize
        self.learningRate = learningRate
    }
}
