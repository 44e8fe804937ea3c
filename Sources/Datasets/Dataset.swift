/// A data set held in memory: `count` samples, each a contiguous row of `featureCount` floats.
///
/// Images are grayscale in [-1, 1] (-1 background or black, +1 ink or white), row-major, top-left
/// pixel first. Points are `(x, y)` pairs in their natural coordinates.
///
///     let faces = try DatasetCatalog.load("faces", seed: 1)
///     let first = faces.sample(at: 0)   // 1024 floats, a 32×32 face
public struct Dataset: Sendable {
    /// The spec it was loaded from: "faces", "digits", "ring", "grid", "spiral" or "idx:<path>".
    public let name: String
    public let shape: DataShape
    public let count: Int
    /// All samples back to back: `count * featureCount` floats.
    public let samples: [Float]
    /// One class index per sample, in `0..<classNames.count`; nil when the set has no labels.
    public let labels: [Int]?
    public let classNames: [String]?
    /// The true modes of the ring and grid sets, for mode-coverage metrics; nil otherwise.
    public let mixture: GaussianMixture?

    /// Floats per sample: `width * height` for images, 2 for points.
    public var featureCount: Int { shape.featureCount }

    /// A data set from samples laid out back to back; `count` is derived from their number.
    ///
    /// The caller guarantees the layout (a whole number of rows, one label per row, labels within
    /// `classNames`); a violation is a programming error and stops the program.
    public init(name: String, shape: DataShape, samples: [Float], labels: [Int]? = nil,
                classNames: [String]? = nil, mixture: GaussianMixture? = nil) {
        let width = shape.featureCount
        precondition(width > 0 && samples.count % width == 0, "samples must fill whole rows")
        let count = samples.count / width
        if let labels {
            precondition(labels.count == count, "one label per sample")
            let classCount = classNames?.count ?? 0
            precondition(labels.allSatisfy { (0..<classCount).contains($0) }, "labels must index classNames")
        }
        self.name = name
        self.shape = shape
        self.count = count
        self.samples = samples
        self.labels = labels
        self.classNames = classNames
        self.mixture = mixture
    }

    /// The floats of sample `index`, sharing storage with `samples`.
    public func sample(at index: Int) -> ArraySlice<Float> {
        precondition((0..<count).contains(index), "sample index \(index) out of 0..<\(count)")
        let start = index * featureCount
        return samples[start..<(start + featureCount)]
    }
}
