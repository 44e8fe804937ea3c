/// What one training step measured.
public struct StepResult: Sendable, Equatable {
    /// D's loss, −E[log D(x)] − E[log(1 − D(G(z)))], on the last discriminator minibatch.
    public var discriminatorLoss: Float
    /// G's loss as its objective defines it (see `GANLoss`).
    public var generatorLoss: Float
    /// Mean D(x) on the last real minibatch: the detective's confidence that reals are real.
    public var meanRealScore: Float
    /// Mean D(G(z)) on the last fake minibatch: how often the forger fools it (0.5 at equilibrium).
    public var meanFakeScore: Float

    public var isFinite: Bool { discriminatorLoss.isFinite && generatorLoss.isFinite }
}
