import NeuralNet

/// Which of the lecture's autoencoders a run trains.
public enum AutoencoderKind: String, Sendable, Codable, CaseIterable {
    /// The plain autoencoder: x → z → x̂, trained on reconstruction alone.
    case ae
    /// The variational autoencoder: the encoder gives q(z|x) = N(μ, σ²), trained on
    /// reconstruction + β·KL(q(z|x) ‖ N(0, I)).
    case vae
}

/// What an autoencoder run adds to ``TrainingConfig``: the model and its objective. Stored whole
/// in its checkpoints (metadata `autoencoder`).
public struct AutoencoderOptions: Sendable, Codable, Equatable {
    public var kind: AutoencoderKind
    /// β, the KL term's weight once warmed up (`--beta`); the AE has no KL term and ignores it.
    public var beta: Float = 1
    /// Steps over which the KL weight ramps linearly from 0 to β; 0 starts at β.
    public var klWarmupSteps: Int = 0
    public var reconstruction: ReconstructionLoss = .bce

    public init(kind: AutoencoderKind, beta: Float = 1, klWarmupSteps: Int = 0,
                reconstruction: ReconstructionLoss = .bce) {
        self.kind = kind
        self.beta = beta
        self.klWarmupSteps = klWarmupSteps
        self.reconstruction = reconstruction
    }

    /// The largest β accepted: far above any useful value (β-VAEs use up to a few hundred), low
    /// enough that a mistyped exponent is caught.
    public static let maximumBeta: Float = 1_000_000

    /// The KL weight for the update after `step` updates: β·min(1, step / warm-up).
    public func klWeight(afterSteps step: Int) -> Float {
        guard kind == .vae else { return 0 }
        guard klWarmupSteps > 0, step < klWarmupSteps else { return beta }
        return beta * Float(step) / Float(klWarmupSteps)
    }

    /// What is wrong with these options for images (`isImage`) or 2-D points, or nil.
    public func problem(isImage: Bool) -> String? {
        guard beta.isFinite, beta >= 0, beta <= Self.maximumBeta else {
            return "beta \(beta) is not a number in 0...\(Self.maximumBeta)"
        }
        guard klWarmupSteps == 0 || ConfigLimits.steps.contains(klWarmupSteps) else {
            return "klWarmupSteps \(klWarmupSteps) is outside 0...\(ConfigLimits.steps.upperBound)"
        }
        guard isImage || reconstruction == .mse else {
            return "BCE reconstruction needs pixels in [0, 1]; 2-D point sets use MSE"
        }
        return nil
    }
}
