import Datasets
import NeuralNet

/// The reference MLP-GAN (docs/ARCHITECTURE.md, "The reference model"), sized to the data.
///
/// Images: G z → 256 → 512 → pixels (LeakyReLU 0.2, tanh out); D pixels → 512 → 256 → 1 logit.
/// 2-D points: G z(4) → 128 → 128 → 128 → 2 with a linear output, since points are not confined
/// to [−1, 1]; D 2 → 128 → 128 → 1.
public struct ModelArchitecture: Sendable, Equatable {
    public var latentDimension: Int
    public var generatorSizes: [Int]
    public var generatorActivations: [Activation]
    public var discriminatorSizes: [Int]
    public var discriminatorActivations: [Activation]

    public static let leaky = Activation.leakyReLU(slope: 0.2)

    public init(for shape: DataShape, featureCount: Int, latentDimension: Int?) {
        switch shape {
        case .image:
            let z = latentDimension ?? 64
            self.latentDimension = z
            generatorSizes = [z, 256, 512, featureCount]
            generatorActivations = [Self.leaky, Self.leaky, .tanh]
            discriminatorSizes = [featureCount, 512, 256, 1]
        case .points:
            // A third hidden layer lets G switch between modes more sharply, so fewer samples fall
            // between them (ring: ~92 % within 3σ instead of ~85 %); a deeper D instead collapses modes.
            let z = latentDimension ?? 4
            self.latentDimension = z
            generatorSizes = [z, 128, 128, 128, featureCount]
            generatorActivations = [Self.leaky, Self.leaky, Self.leaky, .identity]
            discriminatorSizes = [featureCount, 128, 128, 1]
        }
        discriminatorActivations = [Self.leaky, Self.leaky, .identity]
    }

    /// A one-line description, e.g. "mlp G 64-256-512-784 / D 784-512-256-1".
    public var summary: String {
        let g = generatorSizes.map(String.init).joined(separator: "-")
        let d = discriminatorSizes.map(String.init).joined(separator: "-")
        return "mlp G \(g) / D \(d)"
    }
}
