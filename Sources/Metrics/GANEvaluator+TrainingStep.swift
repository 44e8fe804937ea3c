import GAN

extension GANEvaluator {
    /// Evaluates whatever model `step` trains, as the trainer's evaluator hook does; nil for a
    /// model this evaluator cannot draw samples from.
    public func evaluate(_ step: any TrainingStep) -> EvaluationReport? {
        switch step {
        case let gan as GANStep: evaluate(gan)
        default: nil
        }
    }
}
