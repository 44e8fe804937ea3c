/// Latent vectors for the runtime to run through its generator copy: the current point first,
/// then the strip's frames along the path.
public struct ExplorerRequest: Sendable, Equatable {
    public var id: Int
    public var latentDimension: Int
    /// (rows, latentDimension), row-major.
    public var latents: [Float]

    public var rows: Int { latentDimension > 0 ? latents.count / latentDimension : 0 }
}
