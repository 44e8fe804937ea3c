/// The true distribution behind a toy 2-D data set: equal-weight isotropic Gaussians.
///
/// Metrics use it to count how many modes a generator covers and how far its samples stray.
public struct GaussianMixture: Sendable, Equatable {
    /// The mode centres, one per component.
    public let centers: [SIMD2<Float>]
    /// The standard deviation of every component, in each coordinate.
    public let sigma: Float

    public init(centers: [SIMD2<Float>], sigma: Float) {
        self.centers = centers
        self.sigma = sigma
    }
}
