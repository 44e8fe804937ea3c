import Datasets
import NeuralNet
import SafeTensors

/// The `architecture` metadata of a checkpoint: the data shape and both networks, as JSON a
/// Python script can read without ganscope. An MLP is stored as sizes and activations, as every
/// checkpoint before the DCGAN was, e.g.
///
///     {"data":{"kind":"image","width":32,"height":32,"channels":1},"latent_dimension":64,
///      "generator":{"sizes":[64,256,512,1024],"activations":["leaky_relu(0.2)","leaky_relu(0.2)","tanh"]},
///      "discriminator":{"sizes":[1024,512,256,1],"activations":["leaky_relu(0.2)","leaky_relu(0.2)","identity"]}}
///
/// any other network as its `nn.Sequential` module list (see ``LayerCode``), e.g.
///
///     "generator":{"layers":["linear(64,6272)","relu","unflatten(128,7,7)","conv_transpose2d(128,64,4,2,1)",
///                            "relu","conv_transpose2d(64,1,4,2,1)","tanh","flatten"]}
struct ArchitectureRecord: Codable, Equatable {
    struct Data: Codable, Equatable {
        /// "image" or "points".
        var kind: String
        var width: Int?
        var height: Int?
        /// Colour planes of an image: 1 or 3. Absent in checkpoints written before colour, which
        /// were all grayscale.
        var channels: Int?

        init(kind: String, width: Int? = nil, height: Int? = nil, channels: Int? = nil) {
            self.kind = kind
            self.width = width
            self.height = height
            self.channels = channels
        }

        init(_ shape: DataShape) {
            switch shape {
            case .image(let width, let height, let channels):
                self.init(kind: "image", width: width, height: height, channels: channels)
            case .points:
                self.init(kind: "points")
            }
        }

        /// The data shape, or a description of what is wrong with it.
        func shape() throws(RecordProblem) -> DataShape {
            switch (kind, width, height) {
            case ("points", nil, nil):
                return .points
            case ("image", let width?, let height?):
                let channels = channels ?? 1
                guard width > 0, height > 0, !width.multipliedReportingOverflow(by: height).overflow,
                      !(width * height).multipliedReportingOverflow(by: 3).overflow
                else {
                    throw RecordProblem("image size \(width)×\(height) is not positive or too large")
                }
                guard channels == 1 || channels == 3 else {
                    throw RecordProblem("an image has 1 or 3 channels, not \(channels)")
                }
                return .image(width: width, height: height, channels: channels)
            default:
                throw RecordProblem("data must be {\"kind\":\"points\"} or an image with width and height")
            }
        }
    }

    /// Either `sizes` and `activations` (an MLP) or `layers`.
    struct Network: Codable, Equatable {
        var sizes: [Int]?
        /// One per linear layer: identity, relu, leaky_relu(SLOPE), tanh, sigmoid.
        var activations: [String]?
        /// One ``LayerCode`` per module.
        var layers: [String]?

        init(_ layers: [LayerSpec]) {
            if let mlp = LayerSpec.mlpForm(of: layers) {
                sizes = mlp.sizes
                activations = mlp.activations.map(LayerCode.code)
            } else {
                self.layers = layers.map(LayerCode.code)
            }
        }

        /// The layers, or what is wrong with the record (`name` is the network's, for messages).
        func layerSpecs(name: String) throws(RecordProblem) -> [LayerSpec] {
            switch (sizes, activations, layers) {
            case (let sizes?, let activations?, nil):
                guard sizes.count >= 2, activations.count == sizes.count - 1, sizes.allSatisfy({ $0 > 0 }) else {
                    throw RecordProblem("\(name) needs at least two positive sizes and one activation per layer")
                }
                var parsed: [Activation] = []
                for text in activations {
                    guard let activation = LayerCode.activation(text) else {
                        throw RecordProblem("unknown activation \(text.quotedForMessage)")
                    }
                    parsed.append(activation)
                }
                return LayerSpec.mlp(sizes: sizes, activations: parsed)
            case (nil, nil, let codes?):
                var parsed: [LayerSpec] = []
                for text in codes {
                    guard let layer = LayerCode.layer(text) else {
                        throw RecordProblem("\(name): unknown layer \(text.quotedForMessage)")
                    }
                    parsed.append(layer)
                }
                return parsed
            default:
                throw RecordProblem("\(name) needs either sizes and activations or layers")
            }
        }
    }

    var data: Data
    var latentDimension: Int
    var generator: Network
    var discriminator: Network

    enum CodingKeys: String, CodingKey {
        case data
        case latentDimension = "latent_dimension"
        case generator
        case discriminator
    }

    init(architecture: ModelArchitecture, shape: DataShape) {
        data = Data(shape)
        latentDimension = architecture.latentDimension
        generator = Network(architecture.generator)
        discriminator = Network(architecture.discriminator)
    }

    /// The data shape, or a description of what is wrong with it.
    func dataShape() throws(RecordProblem) -> DataShape { try data.shape() }

    /// The architecture, after checking that both networks are well formed (every size within
    /// ``NetworkLayout``'s limits) and fit each other, the latent size and the data.
    func modelArchitecture(for shape: DataShape) throws(RecordProblem) -> ModelArchitecture {
        guard ConfigLimits.latentDimension.contains(latentDimension) else {
            throw RecordProblem("latent_dimension \(latentDimension) is outside \(ConfigLimits.latentDimension)")
        }
        let architecture = ModelArchitecture(latentDimension: latentDimension,
                                             generator: try generator.layerSpecs(name: "generator"),
                                             discriminator: try discriminator.layerSpecs(name: "discriminator"))
        do throws(ArchitectureProblem) {
            _ = try architecture.layouts(features: shape.featureCount)
        } catch {
            throw RecordProblem(error.detail)
        }
        return architecture
    }
}

/// Why a metadata record does not describe a usable model.
struct RecordProblem: Error {
    let detail: String
    init(_ detail: String) { self.detail = detail }
}
