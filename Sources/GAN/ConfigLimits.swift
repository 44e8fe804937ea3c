/// Bounds on a configuration read from an untrusted file, so that resuming from it cannot ask
/// for absurd allocations or divide by zero. Far beyond any real run on a CPU.
enum ConfigLimits {
    static let maximumBatch = 65_536
    static let maximumDiscriminatorSteps = 1_000
    static let maximumThreads = 1_024
    static let maximumSampleCount = 65_536
    /// Floats in the largest activation buffer a step allocates (1 GiB).
    static let maximumBufferElements = 1 << 28

    /// What is wrong with `config` for this architecture, or nil if nothing is.
    static func problem(_ config: TrainingConfig, architecture: ModelArchitecture) -> String? {
        let ranges: [(String, Int, ClosedRange<Int>)] = [
            ("batchSize", config.batchSize, 1...maximumBatch),
            ("discriminatorSteps", config.discriminatorSteps, 1...maximumDiscriminatorSteps),
            ("threads", config.threads, 1...maximumThreads),
            ("sampleCount", config.sampleCount, 1...maximumSampleCount),
            ("steps", config.steps ?? 0, 0...Int.max),
            ("learningRateHalfLife", config.learningRateHalfLife ?? 1, 1...Int.max),
        ]
        for (name, value, range) in ranges where !range.contains(value) {
            return "\(name) \(value) is outside \(range.lowerBound)...\(range.upperBound)"
        }
        let rates = [config.learningRateG, config.learningRateD]
        guard rates.allSatisfy({ $0.isFinite && $0 > 0 }) else { return "learning rates must be positive" }
        guard [config.beta1, config.beta2].allSatisfy({ $0 >= 0 && $0 < 1 }) else {
            return "Adam betas must be in [0, 1)"
        }
        if let z = config.latentDimension, z != architecture.latentDimension {
            return "latentDimension \(z) differs from the architecture's \(architecture.latentDimension)"
        }
        let widest = (architecture.generatorSizes + architecture.discriminatorSizes).max() ?? 0
        let rows = max(2 * config.batchSize, config.sampleCount)
        guard widest <= maximumBufferElements / rows else {
            return "\(rows) rows of \(widest) values exceed the \(maximumBufferElements)-float buffer limit"
        }
        return nil
    }
}
