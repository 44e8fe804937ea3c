import Foundation
import Testing
@testable import GAN

/// `learningRateHalfLife`: the decay itself, how a step applies it, and old checkpoints.
@Suite struct LearningRateScheduleTests {
    @Test func factorHalvesEveryHalfLife() {
        var config = TrainingConfig()
        #expect(config.learningRateFactor(afterSteps: 10_000) == 1)
        config.learningRateHalfLife = 1_000
        #expect(config.learningRateFactor(afterSteps: 0) == 1)
        #expect(config.learningRateFactor(afterSteps: 1_000) == 0.5)
        #expect(config.learningRateFactor(afterSteps: 3_000) == 0.125)
        #expect(abs(config.learningRateFactor(afterSteps: 500) - Float(0.5).squareRoot()) < 1e-6)
    }

    /// Each update uses the base rate times the factor for the steps taken before it.
    @Test func stepsUseTheDecayedRates() throws {
        let gan = try makeGAN(dataset: "ring", batch: 8) { $0.learningRateHalfLife = 10 }
        for _ in 0..<5 { _ = gan.step() }
        let factor = gan.config.learningRateFactor(afterSteps: 4)
        #expect(gan.generatorOptimizer.learningRate == gan.config.learningRateG * factor)
        #expect(gan.discriminatorOptimizer.learningRate == gan.config.learningRateD * factor)
    }

    /// Checkpoints written before the schedule existed have no such key: constant rates, as then.
    @Test func configWithoutHalfLifeDecodesAsConstant() throws {
        var config = TrainingConfig.defaults(for: "ring")
        config.learningRateHalfLife = nil
        let json = try JSONEncoder().encode(config)
        var object = try #require(JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object.removeValue(forKey: "learningRateHalfLife") == nil)  // nil is not even written
        object["learningRateG"] = 0.001
        let old = try JSONSerialization.data(withJSONObject: object)
        let decoded = try JSONDecoder().decode(TrainingConfig.self, from: old)
        #expect(decoded.learningRateHalfLife == nil)
        #expect(decoded.learningRateG == 0.001)
    }

    @Test func defaultsDecayOnlyForPoints() {
        #expect(TrainingConfig.defaults(for: "ring").learningRateHalfLife == 3_000)
        #expect(TrainingConfig.defaults(for: "faces").learningRateHalfLife == nil)
        #expect(TrainingConfig.defaults(for: "faces") == {
            var config = TrainingConfig()
            config.dataset = "faces"
            (config.learningRateG, config.learningRateD) = (1e-3, 1e-3)
            return config
        }())
    }

    /// Colour faces start at 1e-3 (eyes and mouths within two minutes, docs/DECISIONS.md); the
    /// other image sets keep the reference 2e-4, the 2-D sets their 2e-3.
    @Test func facesTrainFasterThanOtherImages() {
        let rates = { (spec: String) in
            let config = TrainingConfig.defaults(for: spec)
            return [config.learningRateG, config.learningRateD]
        }
        #expect(rates("faces") == [1e-3, 1e-3])
        for spec in ["faces-gray", "digits", "idx:/data/mnist", "folder:/pictures"] {
            #expect(rates(spec) == [2e-4, 2e-4], "\(spec)")
        }
        #expect(rates("ring") == [2e-3, 2e-3])
    }
}
