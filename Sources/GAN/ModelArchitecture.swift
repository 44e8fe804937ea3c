import Datasets
import NeuralNet

/// The two networks of a GAN as layer lists, sized to the data: the reference MLP-GAN
/// (docs/ARCHITECTURE.md, "The reference model") or the DCGAN (`--model dcgan`, images only).
///
/// MLP, images: G z → 256 → 512 → pixels (LeakyReLU 0.2, tanh out); D pixels → 512 → 256 → 1 logit.
/// MLP, 2-D points: G z(4) → 128 → 128 → 128 → 2 with a linear output, since points are not
/// confined to [−1, 1]; D 2 → 128 → 128 → 1.
/// DCGAN: see ``dcgan(for:latentDimension:batchNorm:convolutionWidth:)``.
public struct ModelArchitecture: Sendable, Equatable {
    public var latentDimension: Int
    /// G: z (flat) → one flat sample.
    public var generator: [LayerSpec]
    /// D: one flat sample → one logit.
    public var discriminator: [LayerSpec]

    public static let leaky = Activation.leakyReLU(slope: 0.2)

    /// The reference MLP-GAN for data of this shape.
    public init(for shape: DataShape, featureCount: Int, latentDimension: Int?) {
        let generatorSizes: [Int], generatorActivations: [Activation], discriminatorSizes: [Int]
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
        generator = LayerSpec.mlp(sizes: generatorSizes, activations: generatorActivations)
        discriminator = LayerSpec.mlp(sizes: discriminatorSizes, activations: [Self.leaky, Self.leaky, .identity])
    }

    public init(latentDimension: Int, generator: [LayerSpec], discriminator: [LayerSpec]) {
        self.latentDimension = latentDimension
        self.generator = generator
        self.discriminator = discriminator
    }

    /// The model `kind` for data of this shape, or why it cannot be built (one line, naming no
    /// option: `--model dcgan` chooses the GAN's DCGAN, `--network dcgan` the autoencoder's).
    /// `convolutionWidth` is the DCGAN's (nil: ``defaultConvolutionWidth``).
    public static func make(_ kind: ModelKind, for shape: DataShape, latentDimension: Int?, batchNorm: Bool,
                            convolutionWidth: Int?) throws(ArchitectureProblem) -> ModelArchitecture {
        switch kind {
        case .mlp:
            guard !batchNorm else {
                throw ArchitectureProblem("--batch-norm needs the DCGAN (the MLP has no convolutions)")
            }
            guard convolutionWidth == nil else {
                throw ArchitectureProblem("--conv-width needs the DCGAN (the MLP has no convolutions)")
            }
            return ModelArchitecture(for: shape, featureCount: shape.featureCount, latentDimension: latentDimension)
        case .dcgan:
            return try dcgan(for: shape, latentDimension: latentDimension, batchNorm: batchNorm,
                             convolutionWidth: convolutionWidth)
        }
    }

    /// Channels of the DCGAN's convolutions next to the image, as in PyTorch's `make_dcgan`.
    public static let defaultConvolutionWidth = 64

    /// The DCGAN of PyTorch's reference benchmark (`make_dcgan`), for square images of side 28,
    /// 32 or 64 with C channels; s = side / 4 for 28 and 32:
    ///
    ///     G: Linear(z, 128·s·s), ReLU, Unflatten(128, s, s), ConvTranspose2d(128, 64, 4, 2, 1), ReLU,
    ///        ConvTranspose2d(64, C, 4, 2, 1), Tanh, Flatten
    ///     D: Unflatten(C, side, side), Conv2d(C, 64, 4, 2, 1), LeakyReLU(0.2), Conv2d(64, 128, 4, 2, 1),
    ///        LeakyReLU(0.2), Flatten, Linear(128·s·s, 1)
    ///
    /// `convolutionWidth` w (nil: 64) scales every stage: w, 2w (, 4w) channels in place of 64,
    /// 128 (, 256); the layer order, and so PyTorch's parameter names, stay the same.
    ///
    /// For 64 one more stage on each side, doubling the channels as the DCGAN paper does:
    /// G Linear(z, 256·8·8), ReLU, Unflatten(256, 8, 8), ConvTranspose2d(256, 128, 4, 2, 1), ReLU,
    /// ConvTranspose2d(128, 64, 4, 2, 1), ReLU, ConvTranspose2d(64, C, 4, 2, 1), Tanh, Flatten;
    /// D Unflatten, Conv2d(C, 64, 4, 2, 1), LeakyReLU, Conv2d(64, 128, …), LeakyReLU,
    /// Conv2d(128, 256, …), LeakyReLU, Flatten, Linear(256·8·8, 1).
    ///
    /// `batchNorm` puts BatchNorm2d after each of G's hidden transposed convolutions, before its
    /// ReLU, as the DCGAN paper does. D gets none: ganscope's D sees reals and fakes as one 2M-row
    /// batch, where batch statistics would mix the two halves (each output would depend on the other
    /// half, unlike PyTorch's two separate calls), and without it D computes the same function in
    /// training and evaluation, so its AUC and G's update see the D that was trained.
    public static func dcgan(for shape: DataShape, latentDimension: Int?, batchNorm: Bool,
                             convolutionWidth: Int?) throws(ArchitectureProblem) -> ModelArchitecture {
        guard case .image(let width, let height, let channels) = shape else {
            throw ArchitectureProblem("the DCGAN needs an image data set; 2-D point sets train the MLP")
        }
        guard width == height, [28, 32, 64].contains(width) else {
            throw ArchitectureProblem("the DCGAN takes square images of 28, 32 or 64 pixels, not \(width)×\(height)")
        }
        let z = latentDimension ?? 64
        let w = convolutionWidth ?? defaultConvolutionWidth
        // Channels from the image inwards: C, w, 2w (, 4w); each stage halves the side.
        let widths = width == 64 ? [channels, w, 2 * w, 4 * w] : [channels, w, 2 * w]
        let inner = width >> (widths.count - 1)
        let deepest = widths[widths.count - 1]
        var generator: [LayerSpec] = [.linear(inputs: z, outputs: deepest * inner * inner), .activation(.relu),
                                      .unflatten(channels: deepest, height: inner, width: inner)]
        for stage in stride(from: widths.count - 1, through: 1, by: -1) {
            generator.append(.convTranspose2d(inChannels: widths[stage], outChannels: widths[stage - 1],
                                              kernelSize: 4, stride: 2, padding: 1))
            if stage > 1 {
                if batchNorm { generator.append(.batchNorm2d(channels: widths[stage - 1])) }
                generator.append(.activation(.relu))
            }
        }
        generator += [.activation(.tanh), .flatten]
        var discriminator: [LayerSpec] = [.unflatten(channels: channels, height: height, width: width)]
        for stage in 1..<widths.count {
            discriminator += [.conv2d(inChannels: widths[stage - 1], outChannels: widths[stage], kernelSize: 4,
                                      stride: 2, padding: 1),
                              .activation(Self.leaky)]
        }
        discriminator += [.flatten, .linear(inputs: deepest * inner * inner, outputs: 1)]
        return ModelArchitecture(latentDimension: z, generator: generator, discriminator: discriminator)
    }

    /// Which family the layers belong to: an MLP has linear layers and activations only.
    public var kind: ModelKind {
        LayerSpec.mlpForm(of: generator) != nil && LayerSpec.mlpForm(of: discriminator) != nil ? .mlp : .dcgan
    }

    /// Channels of D's first convolution (the DCGAN's `convolutionWidth`); nil for an MLP.
    public var convolutionWidth: Int? {
        for layer in discriminator {
            if case .conv2d(_, let outChannels, _, _, _) = layer { return outChannels }
        }
        return nil
    }

    /// Whether G normalises with BatchNorm.
    public var hasBatchNorm: Bool {
        (generator + discriminator).contains { if case .batchNorm2d = $0 { true } else { false } }
    }

    /// Both networks' layouts, or why the layer lists do not make a GAN for `features` values a
    /// sample: G must map z to one flat sample, D one flat sample to one logit.
    public func layouts(features: Int) throws(ArchitectureProblem) -> (generator: NetworkLayout, discriminator: NetworkLayout) {
        let generatorLayout: NetworkLayout, discriminatorLayout: NetworkLayout
        do throws(LayoutProblem) {
            generatorLayout = try NetworkLayout(layers: generator, inputs: latentDimension)
        } catch {
            throw ArchitectureProblem("generator: \(error.detail)")
        }
        do throws(LayoutProblem) {
            discriminatorLayout = try NetworkLayout(layers: discriminator, inputs: features)
        } catch {
            throw ArchitectureProblem("discriminator: \(error.detail)")
        }
        guard generatorLayout.output == .flat(features), discriminatorLayout.output == .flat(1) else {
            throw ArchitectureProblem(
                "networks do not fit: G must map z(\(latentDimension)) to \(features) flat values (gives "
                    + "\(generatorLayout.output.description)), D \(features) values to 1 (gives "
                    + "\(discriminatorLayout.output.description))")
        }
        return (generatorLayout, discriminatorLayout)
    }

    /// A one-line description, e.g. "mlp G 64-256-512-784 / D 784-512-256-1" or
    /// "dcgan+bn G 64→128×7×7→64×14×14→1×28×28 / D 1×28×28→64×14×14→128×7×7→1".
    public var summary: String { summary(naming: ("G", "D")) }

    /// ``summary`` with other names for the two networks (an autoencoder's decoder and encoder).
    func summary(naming names: (generator: String, discriminator: String)) -> String {
        let (gName, dName) = names
        if let g = LayerSpec.mlpForm(of: generator), let d = LayerSpec.mlpForm(of: discriminator) {
            return "mlp \(gName) \(g.sizes.map(String.init).joined(separator: "-")) / \(dName) "
                + d.sizes.map(String.init).joined(separator: "-")
        }
        // The shapes where the resolution changes: a flat input, planes, convolutions, a linear output.
        func stages(_ layers: [LayerSpec], input: Int) -> String {
            guard let layout = try? NetworkLayout(layers: layers, inputs: input) else { return "?" }
            var shapes: [TensorShape] = []
            if case .unflatten = layers.first {} else { shapes.append(layout.input) }
            for (index, (layer, shape)) in zip(layers, layout.shapes).enumerated() {
                switch layer {
                case .unflatten, .conv2d, .convTranspose2d: shapes.append(shape)
                case .linear where index == layers.count - 1: shapes.append(shape)
                default: continue
                }
            }
            return shapes.map(\.description).joined(separator: "→")
        }
        let features = (try? NetworkLayout(layers: generator, inputs: latentDimension))?.output.count ?? 0
        return "dcgan\(hasBatchNorm ? "+bn" : "") \(gName) \(stages(generator, input: latentDimension)) / \(dName) "
            + stages(discriminator, input: features)
    }
}

/// The family of networks a run trains (`--model`).
public enum ModelKind: String, Sendable, Codable, CaseIterable {
    case mlp
    case dcgan
}

/// Why an architecture cannot be built or read, in one line.
public struct ArchitectureProblem: Error, Sendable, Equatable {
    public let detail: String
    public init(_ detail: String) { self.detail = detail }
}
