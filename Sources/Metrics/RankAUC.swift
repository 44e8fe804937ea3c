/// The area under the ROC curve of a score that should be higher for positives, computed from
/// ranks (the Mann–Whitney U statistic): the probability that a random positive outscores a
/// random negative, ties counted half.
///
///     RankAUC.area(positives: [0.9, 0.8], negatives: [0.1, 0.8])   // (1 + 1 + 1 + 0.5) / 4
public enum RankAUC {
    /// AUC in [0, 1]; 0.5 when either set is empty (no evidence either way).
    public static func area(positives: [Float], negatives: [Float]) -> Double {
        guard !positives.isEmpty, !negatives.isEmpty else { return 0.5 }
        let scored = positives.map { ($0, true) } + negatives.map { ($0, false) }
        let sorted = scored.sorted { $0.0 < $1.0 }
        var positiveRankSum = 0.0
        var start = 0
        while start < sorted.count {
            var end = start
            while end + 1 < sorted.count && sorted[end + 1].0 == sorted[start].0 { end += 1 }
            // Ranks start+1 … end+1 share their mean.
            let meanRank = Double(start + end + 2) / 2
            for index in start...end where sorted[index].1 { positiveRankSum += meanRank }
            start = end + 1
        }
        let n = Double(positives.count), m = Double(negatives.count)
        return (positiveRankSum - n * (n + 1) / 2) / (n * m)
    }
}
