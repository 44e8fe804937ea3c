/// An exponential moving average with Adam's bias correction, so the first values are not
/// dragged towards the zero it starts from: `average / (1 − βⁿ)`.
public struct DebiasedEMA: Sendable, Equatable {
    public let decay: Float
    private var average: Float = 0
    private var correction: Float = 1

    public init(decay: Float = 0.98) {
        self.decay = decay
    }

    /// Adds a value and returns the corrected average. Non-finite values are skipped, so one
    /// bad step does not poison the line for good.
    public mutating func add(_ value: Float) -> Float {
        guard value.isFinite else { return self.value }
        average = decay * average + (1 - decay) * value
        correction *= decay
        return self.value
    }

    /// The corrected average (NaN before the first value).
    public var value: Float { correction < 1 ? average / (1 - correction) : .nan }
}
