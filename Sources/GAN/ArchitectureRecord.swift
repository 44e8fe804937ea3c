import Datasets
import NeuralNet
import SafeTensors

/// The `architecture` metadata of a checkpoint: the data shape and both networks' sizes and
/// activations, as JSON a Python script can read without ganscope, e.g.
///
///     {"data":{"kind":"image","width":32,"height":32,"channels":1},"latent_dimension":64,
///      "generator":{"sizes":[64,256,512,1024],"activations":["leaky_relu(0.2)","leaky_relu(0.2)","tanh"]},
///      "discriminator":{"sizes":[1024,512,256,1],"activations":["leaky_relu(0.2)","leaky_relu(0.2)","identity"]}}
struct ArchitectureRecord: Codable, Equatable {
    struct Data: Codable, Equatable {
        /// "image" or "points".
        var kind: String
        var width: Int?
        var height: Int?
        /// Colour planes of an image: 1 or 3. Absent in checkpoints written before colour, which
        /// were all grayscale.
        var channels: Int?
    }

    struct Network: Codable, Equatable {
        var sizes: [Int]
        /// One per linear layer: identity, relu, leaky_relu(SLOPE), tanh, sigmoid.
        var activations: [String]
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
        switch shape {
        case .image(let width, let height, let channels):
            data = Data(kind: "image", width: width, height: height, channels: channels)
        case .points: data = Data(kind: "points")
        }
        latentDimension = architecture.latentDimension
        generator = Network(sizes: architecture.generatorSizes,
                            activations: architecture.generatorActivations.map(Self.code))
        discriminator = Network(sizes: architecture.discriminatorSizes,
                                activations: architecture.discriminatorActivations.map(Self.code))
    }

    /// The data shape, or a description of what is wrong with it.
    func dataShape() throws(RecordProblem) -> DataShape {
        switch (data.kind, data.width, data.height) {
        case ("points", nil, nil):
            return .points
        case ("image", let width?, let height?):
            let channels = data.channels ?? 1
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

    /// The architecture, after checking that both networks are well-formed MLPs that fit each
    /// other, the latent size and the data.
    func modelArchitecture(for shape: DataShape) throws(RecordProblem) -> ModelArchitecture {
        let features = shape.featureCount
        let g = generator.sizes, d = discriminator.sizes
        for (name, network) in [("generator", generator), ("discriminator", discriminator)] {
            guard network.sizes.count >= 2, network.activations.count == network.sizes.count - 1,
                  network.sizes.allSatisfy({ $0 > 0 })
            else {
                throw RecordProblem("\(name) needs at least two positive sizes and one activation per layer")
            }
        }
        guard g.first == latentDimension, g.last == features, d.first == features, d.last == 1 else {
            throw RecordProblem(
                "sizes do not fit: G \(g) must map z(\(latentDimension)) to \(features) features, "
                    + "D \(d) must map \(features) features to 1")
        }
        var activations: [[Activation]] = []
        for code in [generator.activations, discriminator.activations] {
            var parsed: [Activation] = []
            for text in code {
                guard let activation = Self.activation(text) else {
                    throw RecordProblem("unknown activation \(text.quotedForMessage)")
                }
                parsed.append(activation)
            }
            activations.append(parsed)
        }
        var architecture = ModelArchitecture(for: shape, featureCount: features, latentDimension: latentDimension)
        architecture.generatorSizes = g
        architecture.generatorActivations = activations[0]
        architecture.discriminatorSizes = d
        architecture.discriminatorActivations = activations[1]
        return architecture
    }

    /// The text stored for an activation; the inverse of ``activation(_:)``.
    static func code(_ activation: Activation) -> String {
        switch activation {
        case .identity: "identity"
        case .relu: "relu"
        case .leakyReLU(let slope): "leaky_relu(\(slope))"
        case .tanh: "tanh"
        case .sigmoid: "sigmoid"
        }
    }

    /// The activation a stored text names, or nil.
    static func activation(_ code: String) -> Activation? {
        switch code {
        case "identity": return .identity
        case "relu": return .relu
        case "tanh": return .tanh
        case "sigmoid": return .sigmoid
        default:
            guard code.hasPrefix("leaky_relu("), code.hasSuffix(")"),
                  let slope = Double(code.dropFirst("leaky_relu(".count).dropLast()), slope.isFinite
            else { return nil }
            return .leakyReLU(slope: slope)
        }
    }
}

/// Why a metadata record does not describe a usable model.
struct RecordProblem: Error {
    let detail: String
    init(_ detail: String) { self.detail = detail }
}
