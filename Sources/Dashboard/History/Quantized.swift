/// Floats kept as 8-bit levels between their own minimum and maximum: a quarter of the memory,
/// within (max − min) / 510 of the original, which no terminal picture can show.
public struct Quantized: Sendable, Equatable {
    public let lower: Float
    public let upper: Float
    public let levels: [UInt8]

    public init(_ values: [Float]) {
        let finite = values.filter(\.isFinite)
        let lower = finite.min() ?? 0, upper = finite.max() ?? 0
        self.lower = lower
        self.upper = upper
        let scale = upper > lower ? 255 / (upper - lower) : 0
        // Non-finite values (a diverging run) are kept at the lower end rather than trapping.
        levels = values.map { $0.isFinite ? UInt8(min(max(($0 - lower) * scale, 0), 255).rounded()) : 0 }
    }

    public var count: Int { levels.count }

    /// The values back, each at the centre of its level.
    public var values: [Float] {
        let step = (upper - lower) / 255
        return levels.map { lower + Float($0) * step }
    }
}
