import NeuralNet

/// The allowed range of every number that sizes a training run, whether it comes from the command
/// line or from an untrusted checkpoint: far beyond any real run on a CPU, yet small enough that
/// no product of them (buffer sizes, samples seen = steps × K × M) overflows an `Int`. Release
/// builds use `-Ounchecked`, where an overflow is undefined behaviour rather than a trap, so these
/// are checked before anything is allocated.
public enum ConfigLimits {
    /// M: samples per minibatch. A stop request lands between D updates, so one update must
    /// stay well under a second: at M = 4,096 a D update of the largest built-in image model
    /// (G's M fakes, then 2M rows through D's 1024 → 512 → 256 → 1, forward and backward) is
    /// about 30 GFLOP, 0.1–0.4 s on two cores; at M = 65,536 it took 18 s.
    public static let batch = 1...4_096
    /// K: discriminator updates per iteration; 0 trains G alone against a fixed D.
    public static let discriminatorSteps = 0...1_000
    /// Generator updates per iteration (the dashboard's control panel; one by default).
    public static let generatorSteps = 1...1_000
    public static let threads = 1...1_024
    /// Images or points drawn at once (the fixed-noise grid, `sample --count`).
    public static let sampleCount = 1...65_536
    /// Length of the noise vector z.
    public static let latentDimension = 1...4_096
    /// Step counts and intervals between steps (`--steps`, `--log-every`, a half-life, …).
    public static let steps = 1...1_000_000_000
    /// Floats in the largest activation buffer a step allocates (1 GiB).
    public static let maximumBufferElements = 1 << 28
    /// Learning rates: positive, and at most a value no optimiser here trains with (it only
    /// diverges), so that a mistyped exponent is caught before the run.
    public static let maximumLearningRate: Float = 1_000
    /// What a learning rate must be, for messages.
    public static let learningRateRequirement = "a number > 0 and <= 1000"

    public static func isValidLearningRate(_ rate: Float) -> Bool { rate > 0 && rate <= maximumLearningRate }

    /// What is wrong with `config` for this architecture, or nil if nothing is.
    public static func problem(_ config: TrainingConfig, architecture: ModelArchitecture) -> String? {
        settingsProblem(config, latentDimension: architecture.latentDimension)
            ?? bufferProblem(rows: max(2 * config.batchSize, config.sampleCount), architecture: architecture)
    }

    /// What is wrong with `config`'s numbers for a model of this latent size, the networks'
    /// buffers aside, or nil.
    public static func settingsProblem(_ config: TrainingConfig, latentDimension: Int) -> String? {
        let ranges: [(String, Int, ClosedRange<Int>)] = [
            ("batchSize", config.batchSize, batch),
            ("discriminatorSteps", config.discriminatorSteps, discriminatorSteps),
            ("generatorSteps", config.generatorUpdatesPerIteration, generatorSteps),
            ("threads", config.threads, threads),
            ("sampleCount", config.sampleCount, sampleCount),
            ("steps", config.steps ?? steps.lowerBound, steps),
            ("learningRateHalfLife", config.learningRateHalfLife ?? steps.lowerBound, steps),
            ("latentDimension", config.latentDimension ?? latentDimension, Self.latentDimension),
        ]
        for (name, value, range) in ranges where !range.contains(value) {
            return "\(name) \(value) is outside \(range.lowerBound)...\(range.upperBound)"
        }
        for (name, rate) in [("learningRateG", config.learningRateG), ("learningRateD", config.learningRateD)]
        where !isValidLearningRate(rate) {
            return "\(name) \(rate) is not \(learningRateRequirement)"
        }
        guard [config.beta1, config.beta2].allSatisfy({ $0 >= 0 && $0 < 1 }) else {
            return "Adam betas must be in [0, 1)"
        }
        if let z = config.latentDimension, z != latentDimension {
            return "latentDimension \(z) differs from the architecture's \(latentDimension)"
        }
        return nil
    }

    /// Why `rows` rows through `architecture` would need a buffer over the limit, or nil if they
    /// fit. `rows` must already be within ``batch`` or ``sampleCount`` (twice at most).
    public static func bufferProblem(rows: Int, architecture: ModelArchitecture) -> String? {
        guard let features = try? NetworkLayout(layers: architecture.generator, inputs: architecture.latentDimension)
                .output.count,
              let layouts = try? architecture.layouts(features: features)
        else { return "the networks' layers do not fit together" }
        return bufferProblem(rows: rows, widest: max(layouts.generator.widest, layouts.discriminator.widest))
    }

    /// Why `rows` rows of `widest` values would exceed the buffer limit, or nil if they fit.
    public static func bufferProblem(rows: Int, widest: Int) -> String? {
        guard widest > maximumBufferElements / max(rows, 1) else { return nil }
        return "\(rows) rows of \(widest) values exceed the \(maximumBufferElements)-float buffer limit"
    }
}
