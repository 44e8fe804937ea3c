import Foundation
import Testing
@testable import GAN
import SafeTensors
import TestSupport

/// Saving into a folder: names, never overwriting, pruning by run, listing, failures.
@Suite struct CheckpointFolderTests {
    @Test func namesAreUniqueAndNothingIsOverwritten() throws {
        let gan = try Fixtures.tinyGAN()
        let root = try Fixtures.temporaryFolder()
        let folder = CheckpointFolder(path: root + "/new/sub", run: "tiny-7")
        let first = try folder.save(gan)
        let second = try folder.save(gan)
        #expect(first == root + "/new/sub/tiny-7-000003.safetensors")
        #expect(second == root + "/new/sub/tiny-7-000003-2.safetensors")
        #expect(try folder.saveIfChanged(gan) == nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/new/sub")
        #expect(names.count == 2)  // no temporary files left
    }

    @Test func keepLastPrunesOnlyTheSameRun() throws {
        let gan = try Fixtures.tinyGAN()
        let root = try Fixtures.temporaryFolder()
        let other = try CheckpointFolder(path: root, run: "other").save(gan)
        let folder = CheckpointFolder(path: root, run: "mine", keepLast: 2)
        var saved: [String] = []
        for _ in 0..<4 {
            _ = gan.step()
            saved.append(try folder.save(gan))
        }
        let remaining = Set(try FileManager.default.contentsOfDirectory(atPath: root).map { "\(root)/\($0)" })
        #expect(remaining == [other, saved[2], saved[3]])
        let listing = try CheckpointFolder.list(root)
        #expect(listing.checkpoints.map(\.path) == [saved[3], saved[2], other])
        #expect(listing.failures.isEmpty)
    }

    @Test func listingReportsBrokenFilesSeparately() throws {
        let root = try Fixtures.temporaryFolder()
        _ = try CheckpointFolder(path: root, run: "ok").save(Fixtures.tinyGAN())
        try AtomicFile.write(Array("not safetensors".utf8), to: root + "/broken.safetensors")
        let listing = try CheckpointFolder.list(root)
        #expect(listing.checkpoints.count == 1)
        #expect(listing.failures.count == 1)
        #expect(listing.failures.first?.description.contains("broken.safetensors") == true)
    }

    @Test(.enabled(if: getuid() != 0, "root may write anywhere"))
    func unwritableFolderGivesAnErrorAndLeavesNothing() throws {
        let root = try Fixtures.temporaryFolder()
        chmod(root, 0o500)
        defer { chmod(root, 0o700) }
        #expect(throws: CheckpointError.self) { try CheckpointFolder(path: root, run: "x").save(Fixtures.tinyGAN()) }
    }

    /// Runs a `Trainer` (which sets BLAS's thread count), so it holds the pin; its wait is bounded.
    @Test
    func saveFailureIsReportedAndTrainingGoesOn() throws {
        let root = try Fixtures.temporaryFolder()
        // A file where the folder should be: creating the folder fails, for root too.
        try AtomicFile.write([1], to: root + "/blocked")
        let folder = CheckpointFolder(path: root + "/blocked/sub", run: "x")
        try BLASThreadPin.pinned(to: 1) {
            let gan = try Fixtures.tinyGAN(steps: 6)
            let trainer = Trainer(step: gan, checkpointWriter: folder.save, checkpointEvery: 1)
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            trainer.start()
            waitForEnd(of: trainer)
            subscription.cancel()
            #expect(log.warnings.count >= 1)
            #expect(log.warnings.first?.contains("blocked") == true)
            #expect(trainer.takeFinishedStep().stepCount == 6)
        }
    }

    @Test func runNamesAreSafeFileNames() {
        #expect(CheckpointFolder.runName(from: "faces-0") == "faces-0")
        #expect(CheckpointFolder.runName(from: "idx:data/mnist-3") == "idx_data_mnist-3")
        #expect(CheckpointFolder.runName(from: ".hidden") == "_hidden")
        #expect(CheckpointFolder.runName(from: "") == "run")
    }
}
