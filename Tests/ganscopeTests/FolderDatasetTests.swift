import ArgumentParser
import Datasets
import Foundation
import GAN
import ImageIO
import TestSupport
import Testing
@testable import ganscope

/// `--dataset folder:PATH` from the command line: its options are checked like every other
/// option, refused for other sets, and a snapshot of a folder run resumes on the same pictures.
@Suite struct FolderDatasetTests {
    let root = NSTemporaryDirectory() + "ganscope-folder-\(UInt64.random(in: 0 ... .max))"

    @Test(arguments: [("--image-size", "30", "28, 32, 64"), ("--image-size", "-1", "28, 32, 64"),
                      ("--channels", "2", "1, 3"), ("--channels", "nan", "1, 3")])
    func badImageOptionsAreOneLineUsageErrors(_ option: String, _ value: String, _ allowed: String) {
        do {
            _ = try Ganscope.parseAsRoot(["train", "--headless", option, value])
            Issue.record("\(option) \(value) was accepted")
        } catch {
            #expect(Ganscope.exitCode(for: error) == .validationFailure)
            let line = Ganscope.usageErrorLine(for: error) ?? ""
            #expect(line.contains("'\(value)'") && line.contains(option) && line.contains(allowed) && !line.contains("\n"),
                    "\(line)")
        }
    }

    @Test func imageOptionsAreRefusedForOtherSets() throws {
        for (option, value) in [("--image-size", "64"), ("--channels", "3")] {
            // One step, so that if the refusal is missing the run ends quickly and the test fails.
            let parsed = try Ganscope.parseAsRoot(["train", "--headless", "--dataset", "digits", option, value,
                                                   "--steps", "1", "--eval-every", "0", "--checkpoint-dir", root])
            let train = try #require(parsed as? TrainCommand)
            do {
                try train.run()
                Issue.record("\(option) was accepted for digits")
            } catch {
                #expect(Ganscope.usageErrorLine(for: error)
                    == "ganscope: \(option) applies only to folder:PATH data sets, not to digits")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: root))
        try? FileManager.default.removeItem(atPath: root)
    }

    @Test func imageOptionsMustMatchAResumedSnapshot() throws {
        let parsed = try #require(try Ganscope.parseAsRoot(["train", "--image-size", "64", "--channels", "3"])
            as? TrainCommand)
        #expect(parsed.training.imageConflicts(with: .image(width: 28, height: 28, channels: 1))
            == ["--image-size 64 (checkpoint: 28)", "--channels 3 (checkpoint: 1)"])
        #expect(parsed.training.imageConflicts(with: .image(width: 64, height: 64, channels: 3)).isEmpty)
    }

    @Test func aFolderPathIsStoredAbsoluteSoAResumeFindsIt() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let options = try TrainingOptions.parse(["--dataset", "folder:pictures/./cats/"])
        #expect(options.config(defaultSteps: nil).dataset == "folder:" + cwd + "/pictures/cats")
        // The same folder typed differently on resume is no conflict.
        var saved = TrainingConfig()
        saved.dataset = "folder:" + cwd + "/pictures/cats"
        #expect(options.conflicts(with: saved).isEmpty)
        #expect(try TrainingOptions.parse(["--dataset", "idx:mnist"]).config(defaultSteps: nil).dataset == "idx:mnist")
    }

    @Test func aFolderRunResumesOnTheSamePicturesAtItsOwnSize() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let pictures = root + "/pictures"
        try FileManager.default.createDirectory(atPath: pictures, withIntermediateDirectories: true)
        // Gray pictures keep the networks (and the debug build's snapshot loading) small.
        for index in 0..<6 {
            let gray = (0..<(10 * 8)).map { UInt8(($0 * 7 + index * 40) % 256) }
            try Data(PNGWriter.encode(gray: gray, width: 10, height: 8)).write(to: URL(fileURLWithPath: "\(pictures)/\(index).png"))
        }
        let checkpoints = root + "/checkpoints"
        let common = ["--eval-every", "0", "--threads", "1", "--checkpoint-dir", checkpoints]
        try BLASThreadPin.pinned(to: 1) {
            let first = try #require(try Ganscope.parseAsRoot(
                ["train", "--headless", "--dataset", "folder:" + pictures, "--image-size", "28", "--steps", "2",
                 "--batch", "4", "--save-on-exit"] + common) as? TrainCommand)
            try first.run()
            let snapshot = try #require(try FileManager.default.contentsOfDirectory(atPath: checkpoints)
                .first { $0.hasSuffix(".safetensors") })
            let info = try CheckpointInfo.load(path: checkpoints + "/" + snapshot)
            #expect(info.dataShape == .image(width: 28, height: 28, channels: 1))
            #expect(info.config.dataset == "folder:" + pictures)
            // Without image options it reloads the folder at 28×28 (not the default 32), so the
            // networks fit; a wrong size would be refused as a shape mismatch.
            let resumed = try #require(try Ganscope.parseAsRoot(
                ["train", "--headless", "--resume", checkpoints + "/" + snapshot, "--steps", "3"] + common) as? TrainCommand)
            try resumed.run()
        }
    }
}
