import Datasets
import Foundation
@testable import GAN
import NeuralNet
import Randomness
import SafeTensors
import TestSupport
import Testing

/// The DCGAN: PyTorch's module names and shapes, refusals, training, and checkpoints with
/// BatchNorm's running statistics that resume bit-exactly.
@Suite struct DCGANTests {
    /// State-dict entries as PyTorch 2.x lists them for `make_dcgan`-style modules (pinned from
    /// `[(k, list(v.shape)) for k, v in m.state_dict().items()]`), BatchNorm counters included.
    static let torchEntries: [(String, [(String, [Int])])] = [
        ("G 28×28×3 +BN", [("0.weight", [6272, 64]), ("0.bias", [6272]), ("3.weight", [128, 64, 4, 4]), ("3.bias", [64]),
                           ("4.weight", [64]), ("4.bias", [64]), ("4.running_mean", [64]), ("4.running_var", [64]),
                           ("4.num_batches_tracked", []), ("6.weight", [64, 3, 4, 4]), ("6.bias", [3])]),
        ("G 64×64×1 +BN", [("0.weight", [16384, 64]), ("0.bias", [16384]), ("3.weight", [256, 128, 4, 4]),
                           ("3.bias", [128]), ("4.weight", [128]), ("4.bias", [128]), ("4.running_mean", [128]),
                           ("4.running_var", [128]), ("4.num_batches_tracked", []), ("6.weight", [128, 64, 4, 4]),
                           ("6.bias", [64]), ("7.weight", [64]), ("7.bias", [64]), ("7.running_mean", [64]),
                           ("7.running_var", [64]), ("7.num_batches_tracked", []), ("9.weight", [64, 1, 4, 4]),
                           ("9.bias", [1])]),
        ("D 64×64×3", [("1.weight", [64, 3, 4, 4]), ("1.bias", [64]), ("3.weight", [128, 64, 4, 4]), ("3.bias", [128]),
                       ("5.weight", [256, 128, 4, 4]), ("5.bias", [256]), ("8.weight", [1, 16384]), ("8.bias", [1])]),
    ]

    /// Our entries in PyTorch's order (per module: weight, bias, running_mean, running_var, counter).
    private static func entries(_ layout: NetworkLayout) -> [(String, [Int])] {
        let all = layout.parameters.map { ($0.name, $0.shape) } + layout.runningStatistics.map { ($0.name, $0.shape) }
            + layout.batchCounters.map { ($0, [Int]()) }
        let order = ["weight", "bias", "running_mean", "running_var", "num_batches_tracked"]
        return all.sorted { a, b in
            let (ma, mb) = (Int(a.0.split(separator: ".")[0]) ?? 0, Int(b.0.split(separator: ".")[0]) ?? 0)
            let (ka, kb) = (order.firstIndex(of: String(a.0.split(separator: ".")[1])) ?? 0,
                            order.firstIndex(of: String(b.0.split(separator: ".")[1])) ?? 0)
            return (ma, ka) < (mb, kb)
        }
    }

    @Test func namesAndShapesArePyTorchs() throws {
        let g28 = try ModelArchitecture.dcgan(for: .image(width: 28, height: 28, channels: 3), latentDimension: nil,
                                              batchNorm: true, convolutionWidth: nil)
        let g64 = try ModelArchitecture.dcgan(for: .image(width: 64, height: 64, channels: 1), latentDimension: nil,
                                              batchNorm: true, convolutionWidth: nil)
        let d64 = try ModelArchitecture.dcgan(for: .image(width: 64, height: 64, channels: 3), latentDimension: nil,
                                              batchNorm: false, convolutionWidth: nil)
        let ours = [try g28.layouts(features: 28 * 28 * 3).generator, try g64.layouts(features: 64 * 64).generator,
                    try d64.layouts(features: 64 * 64 * 3).discriminator]
        for ((label, expected), layout) in zip(Self.torchEntries, ours) {
            let mine = Self.entries(layout)
            #expect(mine.map(\.0) == expected.map(\.0), "\(label)")
            #expect(mine.map(\.1) == expected.map(\.1), "\(label)")
        }
    }

    @Test func theReferenceModelIsMakeDCGAN() throws {
        let architecture = try ModelArchitecture.dcgan(for: .image(width: 28, height: 28), latentDimension: nil,
                                                       batchNorm: false, convolutionWidth: nil)
        #expect(architecture.generator.map(\.torchDescription) == [
            "Linear(64, 6272)", "ReLU()", "Unflatten(1, (128, 7, 7))", "ConvTranspose2d(128, 64, 4, 2, 1)", "ReLU()",
            "ConvTranspose2d(64, 1, 4, 2, 1)", "Tanh()", "Flatten()",
        ])
        #expect(architecture.discriminator.map(\.torchDescription) == [
            "Unflatten(1, (1, 28, 28))", "Conv2d(1, 64, 4, 2, 1)", "LeakyReLU(0.2)", "Conv2d(64, 128, 4, 2, 1)",
            "LeakyReLU(0.2)", "Flatten()", "Linear(6272, 1)",
        ])
        #expect(architecture.kind == .dcgan && !architecture.hasBatchNorm)
        #expect(architecture.summary == "dcgan G 64→128×7×7→64×14×14→1×28×28 / D 1×28×28→64×14×14→128×7×7→1")
        let layouts = try ModelArchitecture.dcgan(for: .image(width: 32, height: 32, channels: 3), latentDimension: 16,
                                                  batchNorm: false, convolutionWidth: nil).layouts(features: 32 * 32 * 3)
        #expect(layouts.generator.shapes[2] == .planes(channels: 128, height: 8, width: 8))
        #expect(layouts.discriminator.output == .flat(1))
    }

    /// `--conv-width 16` at 32×32×3: every stage narrower, names and shapes still those of the
    /// same `nn.Sequential` with 16 and 32 channels (pinned from PyTorch as above).
    @Test func narrowerConvolutionsKeepPyTorchsNames() throws {
        let shape = DataShape.image(width: 32, height: 32, channels: 3)
        let narrow = try ModelArchitecture.make(.dcgan, for: shape, latentDimension: nil, batchNorm: true,
                                                convolutionWidth: 16)
        let layouts = try narrow.layouts(features: 32 * 32 * 3)
        let generator: [(String, [Int])] = [
            ("0.weight", [2048, 64]), ("0.bias", [2048]), ("3.weight", [32, 16, 4, 4]), ("3.bias", [16]),
            ("4.weight", [16]), ("4.bias", [16]), ("4.running_mean", [16]), ("4.running_var", [16]),
            ("4.num_batches_tracked", []), ("6.weight", [16, 3, 4, 4]), ("6.bias", [3]),
        ]
        let discriminator: [(String, [Int])] = [
            ("1.weight", [16, 3, 4, 4]), ("1.bias", [16]), ("3.weight", [32, 16, 4, 4]), ("3.bias", [32]),
            ("6.weight", [1, 2048]), ("6.bias", [1]),
        ]
        for (mine, expected) in [(Self.entries(layouts.generator), generator),
                                 (Self.entries(layouts.discriminator), discriminator)] {
            #expect(mine.map(\.0) == expected.map(\.0))
            #expect(mine.map(\.1) == expected.map(\.1))
        }
        #expect(narrow.convolutionWidth == 16)
        #expect(narrow.summary == "dcgan+bn G 64→32×8×8→16×16×16→3×32×32 / D 3×32×32→16×16×16→32×8×8→1")
        let standard = try ModelArchitecture.make(.dcgan, for: shape, latentDimension: nil, batchNorm: true,
                                                  convolutionWidth: nil)
        #expect(standard.convolutionWidth == ModelArchitecture.defaultConvolutionWidth)
        #expect(try ModelArchitecture.make(.dcgan, for: shape, latentDimension: nil, batchNorm: true,
                                           convolutionWidth: 64) == standard)
    }

    @Test func convolutionWidthNeedsTheDCGAN() {
        #expect {
            _ = try ModelArchitecture.make(.mlp, for: .image(width: 28, height: 28), latentDimension: nil,
                                           batchNorm: false, convolutionWidth: 16)
        } throws: { error in
            (error as? ArchitectureProblem)?.detail == "--conv-width needs the DCGAN (the MLP has no convolutions)"
        }
    }

    /// A narrow DCGAN's snapshot keeps its width: tensors, record and configuration; a
    /// configuration whose width contradicts the networks is refused.
    @Test func narrowSnapshotsKeepTheirWidth() throws {
        var config = Self.config()
        config.convolutionWidth = 8
        let gan = try Self.gan(config, on: Self.colourImages())
        _ = gan.step()
        let file = try Checkpoint(of: gan, run: "colour").safeTensorsFile()
        #expect(file.tensor(named: "generator.3.weight")?.shape == [16, 8, 4, 4])
        #expect(file.tensor(named: "discriminator.1.weight")?.shape == [8, 3, 4, 4])
        let checkpoint = try Checkpoint.decode(file.encoded(), source: "memory")
        #expect(checkpoint.info.config.convolutionWidth == 8 && checkpoint.info.architecture.convolutionWidth == 8)
        var metadata = file.metadata
        metadata["config"] = metadata["config"]?.replacingOccurrences(of: "\"convolutionWidth\":8",
                                                                      with: "\"convolutionWidth\":16")
        #expect(metadata["config"]?.contains("\"convolutionWidth\":16") == true)
        #expect {
            _ = try Checkpoint.decode(SafeTensorsFile(tensors: file.tensors, metadata: metadata).encoded(), source: "bad")
        } throws: { error in
            "\(error)".contains("the configuration's model differs from the architecture's")
        }
    }

    @Test(arguments: [
        (ModelKind.dcgan, DataShape.points, false, "needs an image data set"),
        (.dcgan, .image(width: 30, height: 30), false, "28, 32 or 64"),
        (.dcgan, .image(width: 32, height: 28), false, "not 32×28"),
        (.mlp, .image(width: 28, height: 28), true, "--batch-norm needs the DCGAN"),
    ])
    func unsupportedCombinationsAreRefusedInOneLine(kind: ModelKind, shape: DataShape, batchNorm: Bool, reason: String) {
        do {
            _ = try ModelArchitecture.make(kind, for: shape, latentDimension: nil, batchNorm: batchNorm, convolutionWidth: nil)
            Issue.record("accepted \(kind) on \(shape)")
        } catch {
            #expect(error.detail.contains(reason) && !error.detail.contains("\n"), "\(error.detail)")
        }
    }

    /// 28×28 colour noise images: enough for the networks to train on.
    static func colourImages() -> Dataset {
        var rng = SeededRNG(seed: 11)
        let samples = (0..<(32 * 28 * 28 * 3)).map { _ in rng.uniform() * 2 - 1 }
        return Dataset(name: "colour", shape: .image(width: 28, height: 28, channels: 3), samples: samples)
    }

    static func config() -> TrainingConfig {
        var config = TrainingConfig()
        config.dataset = "colour"
        config.batchSize = 4
        config.threads = 1
        config.sampleCount = 4
        config.latentDimension = 8
        config.model = .dcgan
        config.batchNorm = true
        return config
    }

    private static func gan(_ config: TrainingConfig, on dataset: Dataset) throws -> GANStep {
        try BLAS.load()
        let architecture = try ModelArchitecture.make(.dcgan, for: dataset.shape, latentDimension: config.latentDimension,
                                                      batchNorm: true, convolutionWidth: config.convolutionWidth)
        return GANStep(model: GANModel(architecture: architecture, seed: config.seed, sampleCount: config.sampleCount),
                       config: config, dataset: dataset)
    }

    @Test func stepsTrainBothNetworksAndTrackBatchStatistics() throws {
        let gan = try Self.gan(Self.config(), on: Self.colourImages())
        let before = (NetworkWeights(of: gan.model.generator), NetworkWeights(of: gan.model.discriminator))
        let results = (0..<3).map { _ in gan.step() }
        #expect(results.allSatisfy { $0.discriminatorLoss.isFinite && $0.generatorLoss.isFinite })
        #expect(Set(results.map(\.discriminatorLoss)).count == 3 && Set(results.map(\.generatorLoss)).count == 3)
        let after = NetworkWeights(of: gan.model.generator)
        #expect(after.tensors != before.0.tensors && NetworkWeights(of: gan.model.discriminator) != before.1)
        // G runs in training mode twice a step (fakes for D, then its own update), as in PyTorch.
        #expect(after.batchesTracked == [6])
        #expect(after.runningStatistics[0] != before.0.runningStatistics[0])
        // Samples for display are drawn in evaluation mode and leave the statistics alone.
        let samples = gan.model.generateFixedSamples()
        #expect(samples.count == 4 * 28 * 28 * 3 && samples.allSatisfy { abs($0) <= 1 })
        #expect(NetworkWeights(of: gan.model.generator) == after && gan.model.generator.isTraining)
    }

    @Test func checkpointKeepsRunningStatisticsAndResumesBitExactly() throws {
        try BLASThreadPin.pinned(to: 1) {
            let dataset = Self.colourImages()
            let straight = try Self.gan(Self.config(), on: dataset)
            let straightResults = (0..<4).map { _ in straight.step() }

            let first = try Self.gan(Self.config(), on: dataset)
            let firstResults = (0..<2).map { _ in first.step() }
            let file = try Checkpoint(of: first, run: "colour").safeTensorsFile()
            let counter = file.tensor(named: "generator.4.num_batches_tracked")
            #expect(counter?.dtype == .i64 && counter?.integers == [4] && counter?.shape == [])
            #expect(file.tensor(named: "generator.4.running_var")?.shape == [64])
            #expect(file.tensor(named: "generator.3.weight")?.shape == [128, 64, 4, 4])
            #expect(file.metadata["architecture"]?.contains("\"batch_norm2d(64)\"") == true)

            let checkpoint = try Checkpoint.decode(file.encoded(), source: "memory")
            #expect(checkpoint.generator == NetworkWeights(of: first.model.generator))
            let resumed = try GANStep(resuming: checkpoint, config: checkpoint.info.config, dataset: dataset,
                                      source: "memory")
            let resumedResults = (0..<2).map { _ in resumed.step() }
            let bits = { (results: [StepResult]) in results.map { [$0.discriminatorLoss, $0.generatorLoss].map(\.bitPattern) } }
            #expect(bits(firstResults + resumedResults) == bits(straightResults))
            #expect(NetworkWeights(of: resumed.model.generator) == NetworkWeights(of: straight.model.generator))
            #expect(NetworkWeights(of: resumed.model.discriminator) == NetworkWeights(of: straight.model.discriminator))
        }
    }

    /// Decodes a dcgan checkpoint after `change`; returns the error's text.
    private func failure(_ change: (inout [Tensor], inout [String: String]) throws -> Void) throws -> String? {
        let gan = try Self.gan(Self.config(), on: Self.colourImages())
        let file = try Checkpoint(of: gan, run: "colour").safeTensorsFile()
        var tensors = file.tensors, metadata = file.metadata
        try change(&tensors, &metadata)
        let bytes = try SafeTensorsFile(tensors: tensors, metadata: metadata).encoded()
        do {
            _ = try Checkpoint.decode(bytes, source: "bad")
            return nil
        } catch {
            #expect(!error.description.contains("\n"))
            return error.description
        }
    }

    @Test func corruptRecordsAndTensorsAreRefusedWithTheReason() throws {
        let edit = { (from: String, to: String) in
            try self.failure { _, metadata in
                metadata["architecture"] = metadata["architecture"]?.replacingOccurrences(of: from, with: to)
            }
        }
        #expect(try edit("\"batch_norm2d(64)\"", "\"dropout(0.5)\"")?.contains("unknown layer \"dropout(0.5)\"") == true)
        #expect(try edit("conv_transpose2d(128,64,", "conv_transpose2d(128,65,")?.contains("needs 64-channel planes, not 65×14×14") == true)
        #expect(try edit("linear(8,6272)", "linear(8,99999999)")?.contains("outside 1...") == true)
        #expect(try edit("\"layers\":[\"linear(8", "\"sizes\":[8],\"layers\":[\"linear(8")?
            .contains("either sizes and activations or layers") == true)
        let asFloat = try failure { tensors, _ in
            tensors = try tensors.map {
                $0.name == "generator.4.num_batches_tracked" ? try Tensor(name: $0.name, shape: [], values: [4]) : $0
            }
        }
        #expect(asFloat?.contains("generator.4.num_batches_tracked") == true)
        let missing = try failure { tensors, _ in tensors.removeAll { $0.name == "generator.4.running_var" } }
        #expect(missing?.contains("generator.4.running_var") == true)
        let mismatch = try failure { _, metadata in
            metadata["config"] = metadata["config"]?.replacingOccurrences(of: "\"batchNorm\":true", with: "\"batchNorm\":false")
        }
        #expect(mismatch?.contains("model differs") == true)
    }

    /// A record as every checkpoint before the DCGAN wrote it (no channels, sizes and activations)
    /// still reads as the same MLP, and an MLP is still written that way.
    @Test func recordsOfEarlierVersionsStillLoad() throws {
        let old = """
            {"data":{"height":28,"kind":"image","width":28},"discriminator":{"activations":["leaky_relu(0.2)",\
            "leaky_relu(0.2)","identity"],"sizes":[784,512,256,1]},"generator":{"activations":["leaky_relu(0.2)",\
            "leaky_relu(0.2)","tanh"],"sizes":[64,256,512,784]},"latent_dimension":64}
            """
        let record = try JSONDecoder().decode(ArchitectureRecord.self, from: Data(old.utf8))
        let shape = try record.dataShape()
        let architecture = try record.modelArchitecture(for: shape)
        #expect(architecture == ModelArchitecture(for: shape, featureCount: 784, latentDimension: 64))
        #expect(architecture.kind == .mlp)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let written = String(decoding: try encoder.encode(ArchitectureRecord(architecture: architecture, shape: shape)),
                             as: UTF8.self)
        #expect(written == old.replacingOccurrences(of: "\"height\":28,", with: "\"channels\":1,\"height\":28,"))
    }
}
