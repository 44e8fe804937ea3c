/// One figure per step as the loss charts draw it: the raw values and their debiased moving
/// average, compressed together.
public struct SmoothedSeries: Sendable, Equatable {
    public private(set) var raw: CompressedSeries
    public private(set) var smoothed: CompressedSeries
    private var average: DebiasedEMA

    public init(capacity: Int, smoothing: Float) {
        raw = CompressedSeries(capacity: capacity)
        smoothed = raw
        average = DebiasedEMA(decay: smoothing)
    }

    public mutating func append(_ value: Float) {
        raw.append(value)
        smoothed.append(average.add(value))
    }
}
