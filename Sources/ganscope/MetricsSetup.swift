import Foundation
import GAN
import Metrics

/// The learning metrics of a run: the evaluator for its data set and the interval, announced on
/// standard output (classifier training, the real-data FCD floor).
struct MetricsSetup: Sendable {
    let evaluator: GANEvaluator
    let every: Int

    /// nil when `every` is 0 (metrics off); nil `every` picks the default for the data shape.
    init?(gan: GANStep, every: Int?) throws {
        let every = every ?? EvaluationSettings.defaultInterval(for: gan.dataset.shape)
        guard every > 0 else { return nil }
        self.every = every
        evaluator = try GANEvaluator.make(for: gan) { Self.say($0) }
        var line = "metrics every \(every) steps"
        if let floor = evaluator.realBaselineFrechetDistance {
            line += String(format: "; FCD of real held-out images (the floor): %.3f", floor)
        }
        Self.say(line)
    }

    /// The trainer's evaluator hook.
    var evaluate: Trainer.Evaluator {
        { [evaluator] in evaluator.evaluate($0) }
    }

    private static func say(_ text: String) {
        FileHandle.standardOutput.write(Data("ganscope: \(text)\n".utf8))
    }
}
