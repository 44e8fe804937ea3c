import ArgumentParser
import Datasets
import Foundation
import GAN
import Metrics
import NeuralNet

/// `ganscope detect`: how well three detectors tell a checkpoint's fakes from real images, and,
/// with `--images`, what they say about given picture files and whether those carry ganscope's
/// AI-generated marking.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Train three fake detectors (D, pixel probe, spectral) on reals vs a checkpoint's fakes; judge PNGs.")

    @Option(help: ArgumentHelp("The snapshot (.safetensors) whose generator makes the fakes.", valueName: "file"))
    var checkpoint: String
    @Option(help: ArgumentHelp("""
        Real images: idx:PATH (its held-out t10k files), folder:PATH, or a built-in set (digits, faces, …; \
        its held-out stream).
        """, valueName: "set"))
    var real: String
    @Option(help: ArgumentHelp("A folder of PNG files to judge, one verdict per file.", valueName: "folder"))
    var images: String?
    @Option(parsing: .unconditional, help: "Real images, and as many fakes; three quarters train, one quarter scores. (default: 2000)",
            transform: BoundedOption.integer(in: OptionRanges.detectCount))
    var count = 2_000
    @Option(parsing: .unconditional, help: "Seed of the fakes and of the detectors' training. (default: 0)",
            transform: BoundedOption.integer(in: OptionRanges.seed))
    var seed: UInt64 = 0
    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    func run() throws {
        try BLAS.load()
        BLAS.threads = 1
        let saved = try Checkpoint.load(path: checkpoint)
        let shape = saved.info.dataShape
        guard case .image(let width, let height, let channels) = shape else {
            throw CLIError("\(checkpoint): this snapshot makes 2-D points; detect judges images")
        }
        if let problem = ConfigLimits.bufferProblem(rows: count, architecture: saved.info.architecture) {
            throw ValidationError("--count \(count) for this snapshot's networks: \(problem)")
        }
        let judged = try images.map { try JudgedFolder(path: $0, width: width, height: height, channels: channels) }
        let reals = try loadReals(width: width, height: height, channels: channels)
        let generator = saved.generator.makeNetwork(), discriminator = saved.discriminator.makeNetwork()
        let fakes = FakeDetectors.fakes(of: generator, count: reals.count, seed: seed)
        let detectors = FakeDetectors(real: reals.samples, fake: fakes, shape: shape, discriminator: discriminator,
                                      seed: seed)
        let files = judged.map { folder in
            zip(folder.files, detectors.verdicts(on: folder.rows)).map { DetectReport.File(file: $0.name, marked: $0.marked, verdict: $1) }
        }
        let report = DetectReport(checkpoint: checkpoint, step: saved.info.step, real: real, detectors: detectors,
                                  files: files)
        print(json ? try report.json() : report.text())
    }

    /// `count` real images of the checkpoint's shape: held-out ones where the set has them.
    private func loadReals(width: Int, height: Int, channels: Int) throws -> Dataset {
        let spec: DatasetSpec
        do {
            spec = try DatasetSpec(parsing: real)
        } catch {
            throw ValidationError("--real \(real): \(error)")
        }
        let folder = TrainingOptions.folderOptions(imageSize: width, channels: channels,
                                                   cacheFolder: URL(fileURLWithPath: checkpoint).deletingLastPathComponent().path)
        let split: DataSplit = spec.hasHeldOutSplit ? .test : .train
        let dataset = try DatasetCatalog.load(spec, seed: seed, split: split, count: count, folder: folder)
        guard dataset.shape == .image(width: width, height: height, channels: channels) else {
            throw CLIError("--real \(real): its \(Self.describe(dataset.shape)) do not match the "
                           + "\(Self.describe(.image(width: width, height: height, channels: channels))) \(checkpoint) makes")
        }
        guard dataset.count >= 8 else {
            throw CLIError("--real \(real): \(dataset.count) images; detect needs 8 or more")
        }
        return dataset
    }

    /// "28×28 gray images", "32×32 colour images" or "2-D points".
    static func describe(_ shape: DataShape) -> String {
        guard case .image(let width, let height, let channels) = shape else { return "2-D points" }
        return "\(width)×\(height) \(channels == 1 ? "gray" : "colour") images"
    }
}
