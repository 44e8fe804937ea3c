import ArgumentParser
import Datasets
import GAN

/// Parsers for numeric options that check the allowed range while parsing, so a bad value is
/// refused in one line naming the option, the value and the range before any work starts
/// (release builds use `-Ounchecked`: an absurd count would overflow silently, not trap).
///
/// Options using them parse `.unconditional`, so that `--batch -1` reaches the range check
/// instead of being read as an unknown option `-1`:
///
/// ```swift
/// @Option(parsing: .unconditional, transform: BoundedOption.integer(in: OptionRanges.batch))
/// var batch: Int?
/// ```
enum BoundedOption {
    /// Why a value was refused; ArgumentParser puts it after "The value 'x' is invalid for '--opt <n>'".
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    /// A whole number within `range`.
    static func integer<T: FixedWidthInteger & Sendable>(in range: ClosedRange<T>) -> @Sendable (String) throws -> T {
        { text in
            guard let value = T(text), range.contains(value) else {
                throw Refusal(description: "allowed: whole numbers \(range.lowerBound)...\(range.upperBound)")
            }
            return value
        }
    }

    /// One of the whole numbers `allowed`.
    static func choice(of allowed: [Int]) -> @Sendable (String) throws -> Int {
        { text in
            guard let value = Int(text), allowed.contains(value) else {
                throw Refusal(description: "allowed: \(allowed.map(String.init).joined(separator: ", "))")
            }
            return value
        }
    }

    /// The VAE's β: finite, 0 up to ``AutoencoderOptions/maximumBeta``.
    static let beta: @Sendable (String) throws -> Float = { text in
        guard let value = Float(text), value.isFinite, value >= 0, value <= AutoencoderOptions.maximumBeta else {
            throw Refusal(description: "allowed: numbers 0...\(Int(AutoencoderOptions.maximumBeta))")
        }
        return value
    }

    /// A learning rate: finite and positive (a value too large for a Float reads as infinity).
    static let learningRate: @Sendable (String) throws -> Float = { text in
        guard let value = Float(text), ConfigLimits.isValidLearningRate(value) else {
            throw Refusal(description: "allowed: \(ConfigLimits.learningRateRequirement)")
        }
        return value
    }
}

/// The allowed range of every numeric option, in one place: the ranges of a run's configuration
/// are the checkpoint limits (``ConfigLimits``), so the command line accepts exactly what a
/// checkpoint may hold; the rest bound what only the command line asks for.
enum OptionRanges {
    static let batch = ConfigLimits.batch
    static let discriminatorSteps = ConfigLimits.discriminatorSteps
    static let threads = ConfigLimits.threads
    static let latentDimension = ConfigLimits.latentDimension
    static let steps = ConfigLimits.steps
    /// 0 keeps the learning rates constant.
    static let halfLife = 0...ConfigLimits.steps.upperBound
    static let seed = UInt64.min...UInt64.max
    /// 0 starts the VAE's KL weight at β.
    static let klWarmup = 0...ConfigLimits.steps.upperBound
    /// 0 turns the metrics off.
    static let evalEvery = 0...ConfigLimits.steps.upperBound
    static let logEvery = ConfigLimits.steps
    static let checkpointEvery = ConfigLimits.steps
    static let imageEvery = ConfigLimits.steps
    static let keepLast = 1...1_000_000
    static let sampleCount = ConfigLimits.sampleCount
    static let frames = 2...1_024
    /// `detect --count`: at least two held-out rows of each kind; at most what one pass of the
    /// networks is sized for (further checked against the snapshot's networks).
    static let detectCount = 8...ConfigLimits.sampleCount.upperBound
    static let benchRepeats = 1...1_000
    static let benchWarmup = 0...ConfigLimits.steps.upperBound
    /// Sides a `folder:` set's pictures may be resized to.
    static let imageSizes = FolderOptions.imageSizes
    static let channels = [1, 3]
    /// `--conv-width`: down to a handful of channels for quick runs; the buffers it implies are
    /// checked against ConfigLimits with the rest of the model.
    static let convolutionWidth = 1...1_024
    /// The side of a foreign MLP generator's images (`--image-size` of `sample` and friends).
    static let generatorImageSide = 1...4_096
}
