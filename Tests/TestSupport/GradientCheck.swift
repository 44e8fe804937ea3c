import Randomness

/// Centred finite differences in Double, compared by relative error
/// max|a − n| / max(1e-8, |a| + |n|) (the measure llm.c and micrograd-style checks use).
public enum GradientCheck {
    public static let step = 1e-6

    /// Numerical gradient of `objective` with respect to every element of `values`.
    public static func numerical(of objective: () -> Double, wrt values: UnsafeMutablePointer<Double>,
                                 count: Int) -> [Double] {
        (0..<count).map { i in
            let saved = values[i]
            values[i] = saved + step
            let plus = objective()
            values[i] = saved - step
            let minus = objective()
            values[i] = saved
            return (plus - minus) / (2 * step)
        }
    }

    public static func relativeError(_ analytic: [Double], _ numeric: [Double]) -> Double {
        zip(analytic, numeric).map { a, n in abs(a - n) / max(1e-8, abs(a) + abs(n)) }.max() ?? 0
    }

    public static func randomValues(_ count: Int, rng: inout SeededRNG, scale: Double = 1) -> [Double] {
        (0..<count).map { _ in rng.gaussianDouble() * scale }
    }

    /// Σ upstream ⊙ output: a scalar whose gradient w.r.t. the output is `upstream`, random so
    /// that errors in different elements cannot cancel.
    public static func weightedSum(_ output: UnsafePointer<Double>, _ upstream: [Double]) -> Double {
        upstream.enumerated().reduce(0) { $0 + $1.element * output[$1.offset] }
    }
}
