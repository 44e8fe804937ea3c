import Randomness

extension SeededRNG {
    /// Uniform in [low, high).
    mutating func uniform(_ low: Float, _ high: Float) -> Float {
        low + (high - low) * uniform()
    }

    /// A cheap, roughly standard normal sample for pixel noise: the sum of four 16-bit uniforms
    /// from one 64-bit draw (Irwin–Hall), rescaled to mean 0 and variance 1. Box–Muller's log and
    /// cosine per pixel would dominate image generation, and pixel noise need not be exact.
    mutating func approximateGaussian() -> Float {
        let bits = next()
        var sum: Float = 0
        for shift in stride(from: 0, to: 64, by: 16) {
            sum += Float((bits >> UInt64(shift)) & 0xFFFF)
        }
        // Four uniforms on [0, 1) have mean 2 and variance 4/12; multiplying by √3 undoes the 1/3.
        return (sum * 0x1p-16 - 2) * Float(3).squareRoot()
    }
}
