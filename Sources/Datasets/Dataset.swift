/// TEMPORARY interface stub on main; the datasets branch replaces this file.
public enum DataShape: Sendable, Equatable { case image(width: Int, height: Int); case points }
public struct GaussianMixture: Sendable, Equatable {
    public let centers: [SIMD2<Float>]
    public let sigma: Float
    public init(centers: [SIMD2<Float>], sigma: Float) { self.centers = centers; self.sigma = sigma }
}
public struct Dataset: Sendable {
    public let name: String
    public let shape: DataShape
    public var featureCount: Int { if case .image(let w, let h) = shape { w * h } else { 2 } }
    public let count: Int
    public let samples: [Float]
    public let labels: [Int]?
    public let classNames: [String]?
    public let mixture: GaussianMixture?
    public init(name: String, shape: DataShape, count: Int, samples: [Float], labels: [Int]? = nil,
                classNames: [String]? = nil, mixture: GaussianMixture? = nil) {
        self.name = name; self.shape = shape; self.count = count; self.samples = samples
        self.labels = labels; self.classNames = classNames; self.mixture = mixture
    }
}
