/// Sums of many terms in eight interleaved partial sums: a single running sum is a chain of
/// dependent additions that neither pipelines nor vectorises (BatchNorm's forward pass took two to
/// five times as long with one). The order is fixed by `count` alone, so a sum is reproducible.
public enum Summation {
    /// Σ term(i) for i in 0..<count.
    @inlinable
    public static func sum<T: BLASScalar>(count: Int, _ term: (Int) -> T) -> T {
        var partial: (T, T, T, T, T, T, T, T) = (0, 0, 0, 0, 0, 0, 0, 0)
        var i = 0
        while i + 8 <= count {
            partial.0 += term(i); partial.1 += term(i + 1); partial.2 += term(i + 2); partial.3 += term(i + 3)
            partial.4 += term(i + 4); partial.5 += term(i + 5); partial.6 += term(i + 6); partial.7 += term(i + 7)
            i += 8
        }
        while i < count { partial.0 += term(i); i += 1 }
        return ((partial.0 + partial.1) + (partial.2 + partial.3)) + ((partial.4 + partial.5) + (partial.6 + partial.7))
    }
}
