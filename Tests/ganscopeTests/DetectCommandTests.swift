import Datasets
import Foundation
import GAN
import ImageIO
import Testing
@testable import ganscope

/// `ganscope detect`: a folder of pictures is judged file by file with the marking read from
/// each, and bad input stops the command with one line naming the file or option at fault.
@Suite struct DetectCommandTests {
    let root = NSTemporaryDirectory() + "ganscope-detect-\(UInt64.random(in: 0 ... .max))"

    /// A small untrained digits GAN saved as a snapshot, and an empty picture folder.
    private func setUp() throws -> (checkpoint: String, images: String) {
        let images = root + "/images"
        try FileManager.default.createDirectory(atPath: images, withIntermediateDirectories: true)
        var config = TrainingConfig()
        config.dataset = "digits"
        config.batchSize = 8
        let gan = try GANStep.fresh(config: config, dataset: DatasetCatalog.load("digits", seed: 0, count: 16))
        let checkpoint = root + "/digits.safetensors"
        try Checkpoint(of: gan, run: "digits").write(to: checkpoint)
        return (checkpoint, images)
    }

    private func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    /// The error `detect` with `arguments` ends with, as the user reads it.
    private func failure(_ arguments: [String]) -> String? {
        do {
            var command = try Ganscope.parseAsRoot(["detect"] + arguments)
            try command.run()
            return nil
        } catch {
            return Ganscope.usageErrorLine(for: error) ?? "\(error)"
        }
    }

    @Test func markedAndStrippedFilesAreJudgedAndTold() throws {
        let (checkpoint, images) = try setUp()
        defer { cleanUp() }
        let generator = try CheckpointGenerator(path: checkpoint)
        try generator.writeImages(for: generator.randomLatents(count: 1, seed: 1), to: images + "/a-marked.png",
                                  latentSource: "latent seed 1")
        let tile = try SampleImageFile.grid(of: generator.generate(generator.randomLatents(count: 1, seed: 2)),
                                            shape: generator.file.shape, for: "test")
        try Data(PNGWriter.encode(tile)).write(to: URL(fileURLWithPath: images + "/b-stripped.png"))
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: images + "/notes.txt"))  // ignored

        let folder = try JudgedFolder(path: images, width: 28, height: 28, channels: 1)
        #expect(folder.files.map(\.name) == ["a-marked.png", "b-stripped.png"])
        #expect(folder.files.map(\.marked) == [true, false])
        #expect(folder.rows.count == 2 * 28 * 28)
        #expect(failure(["--checkpoint", checkpoint, "--real", "digits", "--count", "16", "--images", images,
                         "--json"]) == nil)
    }

    @Test func badInputIsOneLineNamingTheFile() throws {
        let (checkpoint, images) = try setUp()
        defer { cleanUp() }
        let base = ["--checkpoint", checkpoint, "--count", "16"]
        var problems: [(String?, String)] = []

        problems.append((failure(base + ["--real", "digits", "--images", images]), "no .png files"))
        problems.append((failure(base + ["--real", "digits", "--images", root + "/missing"]), root + "/missing"))
        try Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]).write(to: URL(fileURLWithPath: images + "/broken.png"))
        problems.append((failure(base + ["--real", "digits", "--images", images]), images + "/broken.png"))
        problems.append((failure(base + ["--real", "faces"]), "--real faces"))
        problems.append((failure(base + ["--real", "nonsense:x"]), "--real nonsense:x"))
        problems.append((failure(["--checkpoint", root + "/none.safetensors", "--real", "digits"]),
                         root + "/none.safetensors"))
        problems.append((failure(base + ["--real", "digits", "--count", "7"]), "--count"))
        for (message, expected) in problems {
            let line = try #require(message, "accepted; expected an error naming \(expected)")
            #expect(line.contains(expected), "\(line)")
            #expect(!line.contains("\n"), "\(line)")
        }
    }
}
