import Foundation
import Testing
@testable import GAN
import NeuralNet
import SafeTensors

/// The file layout: PyTorch's names and shapes, the metadata, and a lossless round trip.
@Suite struct CheckpointFormatTests {
    @Test func namesAndShapesFollowPyTorch() throws {
        let gan = try Fixtures.gan(Fixtures.ringConfig())
        _ = gan.step()
        let file = try Checkpoint(of: gan, run: "ring-7").safeTensorsFile()
        let shapes = Dictionary(uniqueKeysWithValues: file.tensors.map { ($0.name, $0.shape) })
        #expect(shapes["generator.0.weight"] == [128, 4])
        #expect(shapes["generator.6.bias"] == [2])
        #expect(shapes["discriminator.4.bias"] == [1])
        #expect(shapes["optimizer.generator.0.weight.exp_avg"] == [128, 4])
        #expect(shapes["optimizer.discriminator.2.weight.exp_avg_sq"] == [128, 128])
        #expect(shapes["optimizer.generator.step"] == [])
        #expect(shapes["fixed_noise"] == [8, 4])
        #expect(file.tensor(named: "optimizer.generator.step")?.values == [1])
        // G's 8 and D's 6 weights and biases, their two Adam moments, two step counts, fixed noise.
        #expect(file.tensors.count == (8 + 6) + (8 + 6) * 2 + 2 + 1)

        let metadata = file.metadata
        #expect(metadata["format"] == "ganscope-checkpoint")
        #expect(metadata["format_version"] == "1")
        #expect(metadata["step"] == "1")
        #expect(metadata["dataset"] == "ring")
        #expect(metadata["run"] == "ring-7")
        #expect(metadata["rng_state"]?.hasPrefix("[") == true)
        #expect(metadata["architecture"]?.contains("\"leaky_relu(0.2)\"") == true)
        #expect(metadata["last_loss_d"].flatMap(Float.init) == gan.lastResult?.discriminatorLoss)
    }

    @Test func roundTripIsLossless() throws {
        let gan = try Fixtures.gan(Fixtures.ringConfig())
        for _ in 0..<5 { _ = gan.step() }
        let original = Checkpoint(of: gan, run: "ring-7")
        var loaded = try Checkpoint.decode(original.safeTensorsFile().encoded(), source: "memory")
        #expect(loaded.info.createdText == original.info.createdText)
        loaded.info.created = original.info.created
        #expect(loaded == original)
    }

    @Test func creationTimeSurvivesToTheMillisecond() throws {
        var info = CheckpointInfo(of: try Fixtures.tinyGAN(), run: "t")
        for millisecond in 0..<1000 {
            info.created = Date(timeIntervalSince1970: 1_764_210_396 + Double(millisecond) / 1000)
            let text = info.createdText
            #expect(text.hasSuffix(String(format: ".%03dZ", millisecond)))
            #expect(try CheckpointInfo(metadata: info.metadata, source: "t").createdText == text)
        }
    }

    @Test func sgdRunsStoreNoOptimizerState() throws {
        var config = Fixtures.ringConfig()
        config.optimizer = .sgd
        let gan = try Fixtures.gan(config)
        _ = gan.step()
        let file = try Checkpoint(of: gan, run: "sgd").safeTensorsFile()
        #expect(!file.tensors.contains { $0.name.hasPrefix("optimizer.") })
        let loaded = try Checkpoint(file: file, source: "memory")
        #expect(loaded.generatorOptimizer == nil)
    }

    @Test func headerOnlyReadingGivesTheMetadata() throws {
        let gan = try Fixtures.gan(Fixtures.ringConfig())
        _ = gan.step()
        let folder = try Fixtures.temporaryFolder()
        let path = try CheckpointFolder(path: folder, run: "head").save(gan)
        let info = try CheckpointInfo.load(path: path)
        #expect(info.step == 1)
        #expect(info.config == gan.config)
        #expect(info.lastResult == gan.lastResult)
        #expect(info.rng == gan.rng)
    }
}
