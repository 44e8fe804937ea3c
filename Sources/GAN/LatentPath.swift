import Foundation

/// A path between two latent vectors, for interpolation strips and the dashboard's explorer.
///
/// Linear interpolation cuts through the middle of the Gaussian, where vectors are shorter than
/// any the generator saw in training (|z| ≈ √d); spherical interpolation (slerp) follows the
/// great circle, keeping the norm in between the endpoints', which usually gives cleaner middle
/// frames.
///
/// ```swift
/// let path = LatentPath(from: a, to: b, interpolation: .spherical)
/// let middle = path.point(at: 0.5)
/// let frames = path.points(count: 8)   // a, …, b
/// ```
public struct LatentPath: Sendable, Equatable {
    /// How points between the endpoints are computed.
    public enum Interpolation: String, Sendable, CaseIterable {
        /// (1 − t)·a + t·b.
        case linear
        /// Along the great circle from a to b, scaled so the norm also moves linearly.
        case spherical
    }

    public let start: [Float]
    public let end: [Float]
    public let interpolation: Interpolation

    /// A path between two vectors of the same length.
    public init(from start: [Float], to end: [Float], interpolation: Interpolation) {
        precondition(start.count == end.count, "latent endpoints must have the same length")
        self.start = start
        self.end = end
        self.interpolation = interpolation
    }

    /// The point at `t` (0 gives `start`, 1 gives `end`; values outside extrapolate).
    public func point(at t: Float) -> [Float] {
        switch interpolation {
        case .linear: Self.lerp(start, end, t: t)
        case .spherical: Self.slerp(start, end, t: t)
        }
    }

    /// `count` evenly spaced points from `start` to `end` inclusive (just `start` for one).
    public func points(count: Int) -> [[Float]] {
        guard count > 1 else { return count == 1 ? [start] : [] }
        return (0..<count).map { point(at: Float($0) / Float(count - 1)) }
    }

    /// (1 − t)·a + t·b, elementwise.
    public static func lerp(_ a: [Float], _ b: [Float], t: Float) -> [Float] {
        zip(a, b).map { (1 - t) * $0 + t * $1 }
    }

    /// Spherical interpolation of the directions of `a` and `b`, with the norm interpolated
    /// linearly between theirs. Falls back to `lerp` when either vector is zero or the two are
    /// (anti)parallel, where the great circle is undefined. Computed in Double.
    public static func slerp(_ a: [Float], _ b: [Float], t: Float) -> [Float] {
        let normA = norm(a), normB = norm(b)
        guard normA > 0, normB > 0 else { return lerp(a, b, t: t) }
        let cosine = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) } / (normA * normB)
        let omega = acos(min(1, max(-1, cosine)))
        let sine = sin(omega)
        guard sine > 1e-6 else { return lerp(a, b, t: t) }
        let u = Double(t)
        let weightA = sin((1 - u) * omega) / sine / normA
        let weightB = sin(u * omega) / sine / normB
        let length = (1 - u) * normA + u * normB
        return zip(a, b).map { Float(length * (weightA * Double($0) + weightB * Double($1))) }
    }

    private static func norm(_ v: [Float]) -> Double {
        v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    }
}
