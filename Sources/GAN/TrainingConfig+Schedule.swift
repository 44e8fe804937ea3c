import Foundation

extension TrainingConfig {
    /// The factor both base learning rates are multiplied by for the update after `steps`
    /// generator steps: 0.5^(steps / half-life), or 1 without a half-life.
    ///
    /// GANs with a constant rate keep circling the equilibrium instead of settling, which on 2-D
    /// data shows as modes that widen and narrow from one evaluation to the next; a decaying rate
    /// lets the samples settle onto sharp modes.
    ///
    ///     config.learningRateHalfLife = 5_000
    ///     config.learningRateFactor(afterSteps: 10_000)  // 0.25
    public func learningRateFactor(afterSteps steps: Int) -> Float {
        guard let halfLife = learningRateHalfLife else { return 1 }
        return Float(exp2(-Double(steps) / Double(halfLife)))
    }
}
