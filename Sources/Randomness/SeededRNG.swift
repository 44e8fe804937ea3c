import RealModule

/// A small, fast, seedable random number generator: xoshiro256** seeded through SplitMix64.
///
/// Every random choice in ganscope (weight init, noise, data order, synthetic data) draws from a
/// `SeededRNG`, so a run is reproducible from its `--seed`. The whole state is four words, which
/// checkpoints store so that a resumed run continues the same stream.
///
///     var rng = SeededRNG(seed: 42)
///     let u = rng.uniform()      // [0, 1)
///     let g = rng.gaussian()     // N(0, 1)
public struct SeededRNG: RandomNumberGenerator, Sendable, Equatable {
    // Four stored words rather than an array: `next()` runs millions of times a second, and an
    // array costs a uniqueness check and bounds checks on every call.
    private var s0, s1, s2, s3: UInt64

    /// The four state words, as checkpoints store them.
    public var state: [UInt64] { [s0, s1, s2, s3] }

    /// A generator for `seed`; distinct `stream`s give independent sequences for the same seed.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = seed &+ stream &* 0xD1B5_4A32_D192_ED03
        s0 = Self.splitMix64(&mixer)
        s1 = Self.splitMix64(&mixer)
        s2 = Self.splitMix64(&mixer)
        s3 = Self.splitMix64(&mixer)
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // xoshiro's one forbidden state
    }

    /// Restores a generator from `state` words saved earlier; nil unless there are four, not all zero.
    public init?(state: [UInt64]) {
        guard state.count == 4, state.contains(where: { $0 != 0 }) else { return nil }
        (s0, s1, s2, s3) = (state[0], state[1], state[2], state[3])
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// Uniform in [0, 1), from the top 24 bits so every value is exactly representable.
    public mutating func uniform() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// Uniform in [0, 1) with 53 bits, for Double-precision work.
    public mutating func uniformDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Standard normal sample by the Box-Muller transform (one of the pair is used, so the state
    /// stays four plain words).
    public mutating func gaussian() -> Float {
        Float(gaussianDouble())
    }

    public mutating func gaussianDouble() -> Double {
        let u1 = 1.0 - uniformDouble()  // (0, 1]: log stays finite
        let u2 = uniformDouble()
        return (-2.0 * Double.log(u1)).squareRoot() * Double.cos(2.0 * Double.pi * u2)
    }

    /// Fills `values` with N(mean, std²) samples.
    public mutating func fillGaussian(_ values: inout [Float], mean: Float = 0, std: Float = 1) {
        for i in values.indices { values[i] = mean + std * gaussian() }
    }

    /// A uniformly random index in 0..<count, without modulo bias.
    public mutating func index(below count: Int) -> Int {
        Int(next(upperBound: UInt64(count)))
    }

    private static func splitMix64(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
