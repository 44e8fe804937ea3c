import RealModule

/// How a set of samples spreads over classes: fractions per class, coverage and divergence.
public struct ClassDistribution: Sendable, Equatable {
    /// Share of each class, summing to 1 (all zero for an empty set).
    public let fractions: [Double]

    /// The distribution of `labels`, each in `0..<classCount`.
    public init(labels: [Int], classCount: Int) {
        var counts = [Double](repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        let total = Double(max(labels.count, 1))
        fractions = counts.map { $0 / total }
    }

    public var classCount: Int { fractions.count }

    /// Classes holding at least `shareOfUniform` times the uniform share 1/K: with the default
    /// 0.5, a class counts as covered when it gets at least half of what an even split gives it
    /// (5 % of the samples for 10 classes), so a handful of stray samples cannot cover a class
    /// the generator has in effect dropped.
    public func covered(shareOfUniform: Double = 0.5) -> Int {
        let threshold = shareOfUniform / Double(max(classCount, 1))
        return fractions.filter { $0 >= threshold }.count
    }

    /// KL(self ‖ reference) = Σ p log(p/q): how far these (generated) classes are from the real
    /// distribution; 0 when they match. Reference shares are floored at 1e-12 so a class absent
    /// from the real data gives a large, finite figure.
    public func kl(from reference: ClassDistribution) -> Double {
        precondition(reference.classCount == classCount, "class counts differ")
        return zip(fractions, reference.fractions).reduce(0) { sum, pair in
            pair.0 > 0 ? sum + pair.0 * Double.log(pair.0 / Swift.max(pair.1, 1e-12)) : sum
        }
    }
}
