/// One set of bin heights in a ``Histogram``.
public struct HistogramSeries: Sendable {
    /// Counts (or any non-negative weights) per bin, lowest bin first.
    public var bins: [Float]
    public var style: Style

    public init(bins: [Float], style: Style) {
        self.bins = bins
        self.style = style
    }

    /// Counts `samples` into `count` equal bins over `range`; values outside go to the end bins.
    public static func bin(_ samples: [Float], count: Int, range: ClosedRange<Float> = 0...1) -> [Float] {
        guard count > 0 else { return [] }
        var bins = Array(repeating: Float(0), count: count)
        let span = range.upperBound - range.lowerBound
        for sample in samples where sample.isFinite {
            let position = span > 0 ? (sample - range.lowerBound) / span : 0
            bins[min(max(Int(position * Float(count)), 0), count - 1)] += 1
        }
        return bins
    }
}
