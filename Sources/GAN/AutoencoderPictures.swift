import Datasets
import Randomness

/// Real samples and what an autoencoder made of them, pair by pair (`inputs` row i is
/// reconstructed as `outputs` row i): the dashboard's reconstruction strip.
public struct Reconstructions: Sendable {
    public var inputs: SampleImages
    public var outputs: SampleImages

    public init(inputs: SampleImages, outputs: SampleImages) {
        self.inputs = inputs
        self.outputs = outputs
    }

    public var step: Int { outputs.step }
    /// The pairs both hold.
    public var count: Int { min(inputs.count, outputs.count) }
}

/// The encoder's means of labelled data in a 2-D latent space, their classes in the same order:
/// the dot layer of the dashboard's latent map.
public struct EncodedPoints: Sendable {
    public var step: Int
    public var points: [SIMD2<Float>]
    public var labels: [Int]

    public init(step: Int, points: [SIMD2<Float>], labels: [Int]) {
        self.step = step
        self.points = points
        self.labels = labels
    }
}

/// The fixed real rows an autoencoder's pictures are made from, drawn once from their own
/// random stream, so the strip and the map change only because the networks do.
struct AutoencoderProbe: Sendable {
    /// Pairs in the reconstruction strip.
    static let stripCount = 8
    /// Labelled points encoded for a 2-D latent map.
    static let mapCount = 1000

    let shape: DataShape
    let stripRows: [Float]
    /// Rows and their classes for the latent map; empty unless the latent space is 2-D and the
    /// data are labelled.
    let mapRows: [Float]
    let mapLabels: [Int]

    init(dataset: Dataset, latentDimension: Int, seed: UInt64) {
        shape = dataset.shape
        var rng = SeededRNG(seed: seed, stream: RNGStream.autoencoderPictures)
        func draw(_ count: Int) -> [Int] { (0..<count).map { _ in rng.index(below: dataset.count) } }
        let strip = dataset.count > 0 ? draw(Self.stripCount) : []
        stripRows = strip.flatMap { dataset.sample(at: $0) }
        guard latentDimension == 2, let labels = dataset.labels, dataset.count > 0 else {
            mapRows = []
            mapLabels = []
            return
        }
        let picks = draw(Self.mapCount)
        mapRows = picks.flatMap { dataset.sample(at: $0) }
        mapLabels = picks.map { labels[$0] }
    }

    /// The strip's rows above the model's reconstructions of them.
    func reconstructions(by model: AutoencoderModel, step: Int) -> Reconstructions {
        let count = stripRows.count / max(shape.featureCount, 1)
        return Reconstructions(
            inputs: SampleImages(step: step, shape: shape, count: count, values: stripRows),
            outputs: SampleImages(step: step, shape: shape, count: count, values: model.reconstructions(of: stripRows)))
    }

    /// The map's points where the encoder puts them; nil without a 2-D labelled map.
    func encodedPoints(by model: AutoencoderModel, step: Int) -> EncodedPoints? {
        guard !mapRows.isEmpty else { return nil }
        let means = model.latentMeans(of: mapRows)
        let points = stride(from: 0, to: means.count, by: 2).map { SIMD2(means[$0], means[$0 + 1]) }
        return EncodedPoints(step: step, points: points, labels: mapLabels)
    }
}
