import RealModule

/// KL and JS divergences between two binned densities (natural logarithms, so JS ≤ log 2).
///
/// KL(P_real ‖ Q_generated) is infinite as soon as the generator misses a cell the data
/// occupies; every cell's probability is therefore smoothed as (c/N + ε) / (1 + B·ε) with
/// ε = `epsilon` (1e-5 by default) and B cells, which caps a wholly missed cell's contribution at
/// p·log(p/ε). JS needs no smoothing (it is bounded) and uses the raw frequencies.
public struct DensityDivergence: Sendable, Equatable {
    public var kl: Double
    public var js: Double

    public static let defaultEpsilon = 1e-5

    /// Divergences of `generated` from `real`, which must share the grid.
    public init(real: PointHistogram, generated: PointHistogram, epsilon: Double = Self.defaultEpsilon) {
        precondition(real.counts.count == generated.counts.count, "histograms on different grids")
        let p = Self.frequencies(real.counts), q = Self.frequencies(generated.counts)
        let cells = Double(p.count)
        let smooth = { (f: Double) in (f + epsilon) / (1 + cells * epsilon) }
        kl = zip(p, q).reduce(0) { sum, pair in
            let (ps, qs) = (smooth(pair.0), smooth(pair.1))
            return sum + ps * Double.log(ps / qs)
        }
        js = zip(p, q).reduce(0) { sum, pair in
            let m = (pair.0 + pair.1) / 2
            return sum + (Self.term(pair.0, m) + Self.term(pair.1, m)) / 2
        }
    }

    /// f·log(f/m), with 0·log 0 = 0.
    private static func term(_ f: Double, _ m: Double) -> Double {
        f > 0 ? f * Double.log(f / m) : 0
    }

    private static func frequencies(_ counts: [Int]) -> [Double] {
        let total = Double(max(counts.reduce(0, +), 1))
        return counts.map { Double($0) / total }
    }
}
