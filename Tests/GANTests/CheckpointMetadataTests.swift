import Foundation
import Testing
@testable import GAN

/// A run whose configuration could not be read back (a non-finite learning rate has no JSON
/// form) is refused when saving, never stored with an empty `{}` configuration.
@Suite struct CheckpointMetadataTests {
    @Test(arguments: [Float.nan, .infinity, -1])
    func unstorableLearningRateIsRefused(_ rate: Float) throws {
        let gan = try makeGAN(dataset: "ring", batch: 16) {
            $0.learningRateG = rate
            $0.sampleCount = 16  // as many as makeGAN's model draws, so only the rate is wrong
        }
        #expect(throws: CheckpointError.self) { try Checkpoint(of: gan, run: "bad").safeTensorsFile() }
        do {
            _ = try CheckpointInfo(of: gan, run: "bad").metadata
            Issue.record("metadata written for learning rate \(rate)")
        } catch {
            guard case .unsavable(let detail) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(detail.contains("learningRateG"))
        }
    }

    @Test func refusedSnapshotLeavesNoFile() throws {
        let folder = NSTemporaryDirectory() + "ganscope-meta-\(UInt64.random(in: 0 ... .max))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let gan = try makeGAN(dataset: "ring", batch: 16) {
            $0.learningRateD = .nan
            $0.sampleCount = 16
        }
        #expect(throws: CheckpointError.self) { try CheckpointFolder(path: folder, run: "bad").save(gan) }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(files.isEmpty)
    }

    @Test func validConfigurationRoundTrips() throws {
        let gan = try makeGAN(dataset: "ring", batch: 16)
        let info = CheckpointInfo(of: gan, run: "good")
        let metadata = try info.metadata
        #expect(metadata["config"] != "{}")
        #expect(try CheckpointInfo(metadata: metadata, source: "memory").config == gan.config)
    }
}
