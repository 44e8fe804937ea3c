import Foundation
import GAN

/// The control panel (`c`): the settings a user may change while the run trains or is paused,
/// one row each, and the one chosen. What a notch left or right does to a row's value is pure:
/// ``change(_:by:in:)`` gives the command the trainer applies.
public struct ControlPanel: Sendable, Equatable {
    public enum Row: Int, Sendable, CaseIterable {
        case discriminatorSteps, generatorSteps, learningRateD, learningRateG, halfLife, loss, beta1
    }

    /// K in the panel: from G alone (0) to ten D updates an iteration.
    public static let discriminatorStepsRange = 0...10
    public static let generatorStepsRange = 1...10
    /// Learning rates move by factors of two and stay at least this.
    public static let smallestLearningRate: Float = 1e-8
    /// A half-life halved below this becomes constant rates; doubling constant rates starts here.
    public static let shortestHalfLife = 125
    public static let firstHalfLife = 1_000
    /// β1 moves in steps of 0.05 (five hundredths) between 0 and 0.95.
    static let betaStepHundredths = 5
    static let betaHundredths = 0...95

    public var selection = Row.discriminatorSteps

    public init() {}

    /// Moves the choice by `offset` rows, wrapping around.
    public mutating func select(by offset: Int) {
        let rows = Row.allCases
        selection = rows[(selection.rawValue + offset + rows.count) % rows.count]
    }

    /// The setting one notch from `config`'s value of `row` (`direction` −1: left, +1: right),
    /// or nil when the value is at the end of its range.
    public static func change(_ row: Row, by direction: Int, in config: TrainingConfig) -> TrainingControl? {
        let control: TrainingControl
        switch row {
        case .discriminatorSteps:
            control = .discriminatorSteps(clamp(config.discriminatorSteps + direction, to: discriminatorStepsRange))
        case .generatorSteps:
            control = .generatorSteps(clamp(config.generatorUpdatesPerIteration + direction, to: generatorStepsRange))
        case .learningRateD:
            control = .learningRateD(doubled(config.learningRateD, direction))
        case .learningRateG:
            control = .learningRateG(doubled(config.learningRateG, direction))
        case .halfLife:
            control = .halfLife(halfLife(config.learningRateHalfLife, direction))
        case .loss:
            control = .loss(config.loss == .nonSaturating ? .minimax : .nonSaturating)
        case .beta1:
            let hundredths = Int((config.beta1 * 100).rounded()) + direction * betaStepHundredths
            control = .beta1(Float(clamp(hundredths, to: betaHundredths)) / 100)
        }
        var changed = config
        control.apply(to: &changed)
        return changed == config ? nil : control
    }

    /// What the row is called in the panel.
    public static func label(of row: Row) -> String {
        switch row {
        case .discriminatorSteps: "K: D updates per iteration"
        case .generatorSteps: "G updates per iteration"
        case .learningRateD: "D's learning rate"
        case .learningRateG: "G's learning rate"
        case .halfLife: "learning-rate half-life"
        case .loss: "G's loss"
        case .beta1: "Adam's beta1"
        }
    }

    /// The row's value in `config`, as the panel shows it.
    public static func value(of row: Row, in config: TrainingConfig) -> String {
        switch row {
        case .discriminatorSteps: "\(config.discriminatorSteps)"
        case .generatorSteps: "\(config.generatorUpdatesPerIteration)"
        case .learningRateD: rateText(config.learningRateD)
        case .learningRateG: rateText(config.learningRateG)
        case .halfLife: config.learningRateHalfLife.map { "\($0) steps" } ?? "constant"
        case .loss: config.loss.rawValue
        case .beta1: String(format: "%.2f", config.beta1)
        }
    }

    static func rateText(_ rate: Float) -> String { String(format: "%.3g", rate) }

    private static func clamp(_ value: Int, to range: ClosedRange<Int>) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }

    /// Doubles (`direction` +1) or halves (−1) a learning rate within the allowed range.
    private static func doubled(_ rate: Float, _ direction: Int) -> Float {
        let next = direction > 0 ? rate * 2 : rate / 2
        return ConfigLimits.isValidLearningRate(next) && next >= smallestLearningRate ? next : rate
    }

    /// Doubles or halves the half-life; below ``shortestHalfLife`` the rates become constant,
    /// and doubling constant rates starts at ``firstHalfLife``.
    private static func halfLife(_ steps: Int?, _ direction: Int) -> Int? {
        guard let steps else { return direction > 0 ? firstHalfLife : nil }
        if direction > 0 { return min(steps * 2, ConfigLimits.steps.upperBound) }
        return steps / 2 < shortestHalfLife ? nil : steps / 2
    }
}
