import GAN

/// How the explorer walks from endpoint A to endpoint B in latent space (the `l` key toggles).
public enum Interpolation: String, Sendable, Equatable {
    /// The straight line. Midpoints of Gaussian vectors are shorter than typical ones, so images
    /// halfway can look washed out.
    case lerp
    /// Along the great circle (spherical), which keeps the length typical of the noise.
    case slerp

    /// The point at `t` in 0...1 between `a` and `b`, computed by `GAN.LatentPath` so the explorer
    /// walks the same path as `ganscope interpolate`.
    public func point(_ a: [Float], _ b: [Float], t: Float) -> [Float] {
        LatentPath(from: a, to: b, interpolation: self == .lerp ? .linear : .spherical).point(at: t)
    }

    public var toggled: Interpolation { self == .lerp ? .slerp : .lerp }
}
