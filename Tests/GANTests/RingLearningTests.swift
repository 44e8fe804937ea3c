import Testing
@testable import GAN

@Suite struct RingLearningTests {
    /// The acceptance test of the engine: on `ring` with a fixed seed, within 3,000 steps, at
    /// least 7 of the 8 modes receive generated samples within 3σ.
    @Test func ringLearnsAtLeastSevenModes() throws {
        let gan = try makeGAN(dataset: "ring", seed: 7)
        var best = (captured: 0, highQuality: 0.0)
        for step in 1...3_000 {
            _ = gan.step()
            if step % 500 == 0 {
                let modes = capturedModes(of: gan)
                print("ring step \(step): \(modes.captured)/8 modes, \(Int(modes.highQuality * 100))% high quality")
                if modes.captured > best.captured { best = modes }
            }
        }
        let final = capturedModes(of: gan)
        #expect(final.captured >= 7, "modes captured after 3,000 steps: \(final.captured)/8")
    }
}
