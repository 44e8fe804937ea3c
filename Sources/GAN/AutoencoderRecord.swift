import Datasets
import NeuralNet

/// The `architecture` metadata of an autoencoder checkpoint: the data shape, the latent size and
/// both networks, written as a GAN checkpoint writes its record (see ``ArchitectureRecord``), e.g.
///
///     {"data":{"kind":"image","width":28,"height":28,"channels":1},"latent_dimension":64,
///      "encoder":{"sizes":[784,512,256,128],"activations":["leaky_relu(0.2)","leaky_relu(0.2)","identity"]},
///      "decoder":{"sizes":[64,256,512,784],"activations":["leaky_relu(0.2)","leaky_relu(0.2)","identity"]}}
struct AutoencoderRecord: Codable, Equatable {
    var data: ArchitectureRecord.Data
    var latentDimension: Int
    var encoder: ArchitectureRecord.Network
    var decoder: ArchitectureRecord.Network

    enum CodingKeys: String, CodingKey {
        case data
        case latentDimension = "latent_dimension"
        case encoder
        case decoder
    }

    init(architecture: AutoencoderArchitecture, shape: DataShape) {
        data = ArchitectureRecord.Data(shape)
        latentDimension = architecture.latentDimension
        encoder = ArchitectureRecord.Network(architecture.encoder)
        decoder = ArchitectureRecord.Network(architecture.decoder)
    }

    /// The architecture, after checking that both networks are well formed and fit each other,
    /// the latent size and data of `shape` for an autoencoder of `kind`.
    func architecture(for shape: DataShape, kind: AutoencoderKind) throws(RecordProblem) -> AutoencoderArchitecture {
        guard ConfigLimits.latentDimension.contains(latentDimension) else {
            throw RecordProblem("latent_dimension \(latentDimension) is outside \(ConfigLimits.latentDimension)")
        }
        let architecture = AutoencoderArchitecture(latentDimension: latentDimension,
                                                   encoder: try encoder.layerSpecs(name: "encoder"),
                                                   decoder: try decoder.layerSpecs(name: "decoder"))
        do throws(ArchitectureProblem) {
            _ = try architecture.layouts(features: shape.featureCount, kind: kind)
        } catch {
            throw RecordProblem(error.detail)
        }
        return architecture
    }
}
