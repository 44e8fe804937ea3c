import Datasets
import NeuralNet

/// An autoencoder's two networks as layer lists, made from the GAN's for the same data so the
/// models compare: the encoder is D with its last linear layer giving the latent code instead of
/// one logit (L values for the AE, 2·L — μ then log σ² — for the VAE), the decoder is G.
///
/// The decoder's output matches the reconstruction loss: for BCE it gives logits (G's tanh is
/// dropped), since the loss applies the sigmoid itself, stably, and a sigmoid module before it
/// would lose precision where it saturates; pictures show 2σ(logit) − 1. For MSE it keeps G's
/// output (tanh for images, whose values lie in [−1, 1] like the data; linear for points), so
/// the decoder's output is already in data space.
///
/// Works for every architecture `ModelArchitecture` makes: the MLP for images and for points,
/// and the DCGAN (convolutional encoder and transposed-convolution decoder).
public struct AutoencoderArchitecture: Sendable, Equatable {
    public var latentDimension: Int
    /// x (flat) → the latent code: (L) or (2·L).
    public var encoder: [LayerSpec]
    /// z (L) → one flat sample (or its logits).
    public var decoder: [LayerSpec]

    public init(latentDimension: Int, encoder: [LayerSpec], decoder: [LayerSpec]) {
        self.latentDimension = latentDimension
        self.encoder = encoder
        self.decoder = decoder
    }

    /// The autoencoder mirroring `gan` (see the type's summary).
    public init(mirroring gan: ModelArchitecture, kind: AutoencoderKind, reconstruction: ReconstructionLoss) {
        latentDimension = gan.latentDimension
        let codeSize = kind == .vae ? 2 * gan.latentDimension : gan.latentDimension
        var encoder = gan.discriminator
        guard case .linear(let inputs, _) = encoder.last else {
            preconditionFailure("every discriminator ModelArchitecture makes ends in a linear layer")
        }
        encoder[encoder.count - 1] = .linear(inputs: inputs, outputs: codeSize)
        self.encoder = encoder
        var decoder = gan.generator
        if reconstruction == .bce, let output = decoder.lastIndex(where: \.hasParameters).map({ $0 + 1 }),
           output < decoder.count, case .activation = decoder[output] {
            decoder.remove(at: output)
        }
        self.decoder = decoder
    }

    /// The autoencoder for data of `shape` whose networks mirror the GAN `network` would train
    /// (`mlp` or `dcgan`, with `batchNorm` in the decoder), or why there is none (one line).
    public static func make(_ kind: AutoencoderKind, network: ModelKind, for shape: DataShape,
                            latentDimension: Int?, batchNorm: Bool, convolutionWidth: Int?,
                            reconstruction: ReconstructionLoss) throws(ArchitectureProblem) -> AutoencoderArchitecture {
        let gan = try ModelArchitecture.make(network, for: shape, latentDimension: latentDimension,
                                             batchNorm: batchNorm, convolutionWidth: convolutionWidth)
        return AutoencoderArchitecture(mirroring: gan, kind: kind, reconstruction: reconstruction)
    }

    /// Both networks' layouts, or why they do not make an autoencoder of `kind` for `features`
    /// values a sample.
    public func layouts(features: Int, kind: AutoencoderKind)
        throws(ArchitectureProblem) -> (encoder: NetworkLayout, decoder: NetworkLayout)
    {
        let encoderLayout: NetworkLayout, decoderLayout: NetworkLayout
        do throws(LayoutProblem) {
            encoderLayout = try NetworkLayout(layers: encoder, inputs: features)
        } catch {
            throw ArchitectureProblem("encoder: \(error.detail)")
        }
        do throws(LayoutProblem) {
            decoderLayout = try NetworkLayout(layers: decoder, inputs: latentDimension)
        } catch {
            throw ArchitectureProblem("decoder: \(error.detail)")
        }
        let codeSize = kind == .vae ? 2 * latentDimension : latentDimension
        guard encoderLayout.output == .flat(codeSize), decoderLayout.output == .flat(features) else {
            throw ArchitectureProblem(
                "networks do not fit: the \(kind.rawValue) encoder must map \(features) values to \(codeSize) (gives "
                    + "\(encoderLayout.output.description)), the decoder z(\(latentDimension)) to \(features) "
                    + "(gives \(decoderLayout.output.description))")
        }
        return (encoderLayout, decoderLayout)
    }
}
