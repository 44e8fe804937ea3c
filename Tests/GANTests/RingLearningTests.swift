import TestSupport
import Testing
@testable import GAN

@Suite struct RingLearningTests {
    /// The acceptance test of the engine: on `ring` with a fixed seed and the 2-D defaults, within
    /// 1,500 steps, at least 7 of the 8 modes receive generated samples within 3σ.
    /// The outcome of a seeded run, which depends on BLAS's thread count: pinned to one thread.
    @Test func ringLearnsAtLeastSevenModes() throws {
        let final = try BLASThreadPin.pinned(to: 1) {
            let gan = try makeGAN(dataset: "ring", seed: 7, batch: TrainingConfig.defaults(for: "ring").batchSize)
            for step in 1...1_500 {
                _ = gan.step()
                if step % 500 == 0 {
                    let modes = capturedModes(of: gan)
                    print("ring step \(step): \(modes.captured)/8 modes, \(Int(modes.highQuality * 100))% high quality")
                }
            }
            return capturedModes(of: gan)
        }
        #expect(final.captured >= 7, "modes captured after 1,500 steps: \(final.captured)/8")
    }
}
