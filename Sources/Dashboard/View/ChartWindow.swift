import TerminalUI

/// A history laid out on a fixed x axis, so a chart redrawn after one more step changes only
/// the cells at its right end (a chart that stretches the whole history over its width moves
/// every point each frame, and the terminal must rewrite every cell).
///
/// The values are averaged in buckets of a power-of-two number of points, just enough to fit
/// `length`, and the rest is padded with NaN, which charts skip. The axis doubles only when the
/// history outgrows it.
struct ChartWindow {
    /// Exactly `length` values: the fitted history, then NaN.
    let values: [Float]
    /// History points per chart point.
    let stride: Int

    init(_ history: [Float], length: Int) {
        var stride = 1
        while (history.count + stride - 1) / stride > max(length, 1) { stride *= 2 }
        var values = [Float](repeating: .nan, count: max(length, 0))
        var index = 0
        while index * stride < history.count, index < values.count {
            let bucket = history[(index * stride)..<min((index + 1) * stride, history.count)]
            values[index] = bucket.reduce(0, +) / Float(bucket.count)
            index += 1
        }
        self.values = values
        self.stride = stride
    }

    /// The step at the right end of the axis, for a window over `history`'s series that start
    /// at step `first`.
    func lastStep(first: Int, history: TrainingHistory) -> Int {
        first + values.count * stride * history.bucketSize - 1
    }

    /// A marker at `step` for a window over `history`'s series that start at step `first`:
    /// the history slider's position on the charts. Nil when no step is given.
    func marker(at step: Int?, first: Int, history: TrainingHistory, style: Style) -> ChartMarker? {
        guard let step, values.count > 1 else { return nil }
        let index = (step - first) / (stride * history.bucketSize)
        return ChartMarker(fraction: Float(index) / Float(values.count - 1), style: style)
    }

    /// The chart length for a plot about `width` cells wide: braille has two dots per cell,
    /// so this is at least one point per dot column.
    static func length(forWidth width: Int) -> Int { max(2 * width, 2) }
}
