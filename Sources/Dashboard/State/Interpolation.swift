import Foundation

/// How the explorer walks from endpoint A to endpoint B in latent space.
public enum Interpolation: String, Sendable, Equatable {
    /// The straight line. Midpoints of Gaussian vectors are shorter than typical ones, so images
    /// halfway can look washed out.
    case lerp
    /// Along the great circle (spherical), which keeps the length typical of the noise.
    case slerp

    /// The point at `t` in 0...1 between `a` and `b` (same length).
    public func point(_ a: [Float], _ b: [Float], t: Float) -> [Float] {
        switch self {
        case .lerp:
            return zip(a, b).map { $0 + t * ($1 - $0) }
        case .slerp:
            let normA = Self.norm(a), normB = Self.norm(b)
            guard normA > 0, normB > 0 else { return Interpolation.lerp.point(a, b, t: t) }
            let cosine = min(max(zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } / (normA * normB), -1), 1)
            let angle = acos(cosine)
            // Nearly parallel vectors: the sines vanish and the straight line is the same path.
            guard sin(angle) > 1e-4 else { return Interpolation.lerp.point(a, b, t: t) }
            let weightA = sin((1 - t) * angle) / sin(angle)
            let weightB = sin(t * angle) / sin(angle)
            return zip(a, b).map { weightA * $0 + weightB * $1 }
        }
    }

    public var toggled: Interpolation { self == .lerp ? .slerp : .lerp }

    private static func norm(_ v: [Float]) -> Float { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
}
