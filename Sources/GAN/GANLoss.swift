/// How the generator is scored against the discriminator.
public enum GANLoss: String, Sendable, Codable, CaseIterable {
    /// The lecture's objective as written: G descends E[log(1 − D(G(z)))]. Its gradient vanishes
    /// when D confidently rejects fakes, which is why it often stalls early.
    case minimax
    /// G ascends E[log D(G(z))] instead: same fixed point, strong gradients early (the default).
    case nonSaturating = "non-saturating"
}
