import Foundation
import Testing
@testable import GAN
import Datasets
import NeuralNet
import SafeTensors

/// Generators PyTorch saved as bare `nn.Sequential` state dicts (Tests/Interop/make_foreign_generators.py):
/// the inferred architecture gives PyTorch's own output for the same latent vectors.
@Suite struct ForeignGeneratorTests {
    static let folder = "ForeignGenerators"

    static func path(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "\(folder)/\(name)", withExtension: "safetensors") else {
            throw MissingFixture(name: name)
        }
        return url.path
    }

    struct MissingFixture: Error { let name: String }

    /// expected.json: name → latent_dimension, side, channels.
    static func facts() throws -> [String: [String: Int]] {
        guard let url = Bundle.module.url(forResource: "\(folder)/expected", withExtension: "json") else {
            throw MissingFixture(name: "expected.json")
        }
        return try JSONDecoder().decode([String: [String: Int]].self, from: Data(contentsOf: url))
    }

    /// G(z) with ganscope's network for `latents`, (rows, features) flat.
    static func generate(_ weights: NetworkWeights, latents: [Float]) -> [Float] {
        let network = weights.makeNetwork()
        let rows = latents.count / weights.inputSize
        return latents.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return Array(UnsafeBufferPointer(start: network.forward(base, batch: rows), count: rows * network.outputSize))
        }
    }

    @Test(arguments: ["mlp_gray", "mlp_colour_prefixed", "dcgan_gray28", "dcgan_bn_colour32"])
    func inferredGeneratorMatchesPyTorch(name: String) throws {
        try BLAS.load()
        let facts = try #require(try Self.facts()[name])
        let file = try GeneratorFile.load(path: try Self.path(name))
        #expect(file.origin == nil)
        #expect(file.latentDimension == facts["latent_dimension"])
        let side = try #require(facts["side"]), channels = try #require(facts["channels"])
        #expect(file.shape == .image(width: side, height: side, channels: channels))
        let expected = try SafeTensorsFile.load(path: try Self.path("\(name).expected"))
        let latents = try #require(expected.tensor(named: "latents")).values
        let output = try #require(expected.tensor(named: "output")).values
        let ours = Self.generate(file.weights, latents: latents)
        #expect(ours.count == output.count)
        let worst = zip(ours, output).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-5, "largest difference from PyTorch: \(worst)")
    }

    @Test func batchNormIsReadWithItsRunningStatistics() throws {
        let file = try GeneratorFile.load(path: try Self.path("dcgan_bn_colour32"))
        #expect(file.weights.layers.contains(.batchNorm2d(channels: 3)))
        #expect(file.weights.batchesTracked == [3])  // the script's three warm-up passes
        #expect(file.summary.hasPrefix("PyTorch state dict: dcgan+bn, z 6, 32×32 colour"))
    }

    @Test func activationHintChangesTheHiddenLayers() throws {
        try BLAS.load()
        let name = "mlp_relu"
        let expected = try SafeTensorsFile.load(path: try Self.path("\(name).expected"))
        let latents = try #require(expected.tensor(named: "latents")).values
        let output = try #require(expected.tensor(named: "output")).values
        let relu = try GeneratorFile.load(path: try Self.path(name), hints: GeneratorHints(hiddenActivation: .relu))
        let worst = zip(Self.generate(relu.weights, latents: latents), output).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-5)
        // Without the hint the default LeakyReLU(0.2) is assumed, which differs where a unit is negative.
        let leaky = try GeneratorFile.load(path: try Self.path(name))
        #expect(leaky.weights.layers.contains(.activation(ModelArchitecture.leaky)))
    }

    @Test func imageSideRuleAndHints() throws {
        // 16 outputs: 4×4 gray by default; --image-size 4 agrees; 2 fits neither 16 = 4 nor 16 = 12.
        let path = try Self.path("mlp_gray")
        #expect(try GeneratorFile.load(path: path, hints: GeneratorHints(imageSide: 4)).shape
                    == .image(width: 4, height: 4, channels: 1))
        #expect(throws: CheckpointError.self) { try GeneratorFile.load(path: path, hints: GeneratorHints(imageSide: 2)) }
        #expect(throws: CheckpointError.self) { try GeneratorFile.load(path: path, hints: GeneratorHints(latentDimension: 5)) }
        #expect(throws: CheckpointError.self) {
            try GeneratorFile.load(path: try Self.path("dcgan_gray28"), hints: GeneratorHints(imageSide: 32))
        }
    }

    /// The message for a file that is not a known generator: one line naming the file, the
    /// reason, and the tensors found.
    private func refusal(_ tensors: [Tensor], hints: GeneratorHints = GeneratorHints()) throws -> String {
        let file = try SafeTensorsFile(tensors: tensors)
        do {
            _ = try GeneratorFile(file: file, source: "odd.safetensors", hints: hints)
            Issue.record("accepted an unknown layout")
            return ""
        } catch {
            guard case .unrecognisedGenerator = error else {
                Issue.record("unexpected error \(error)")
                return ""
            }
            #expect(error.description.hasPrefix("odd.safetensors: "))
            #expect(!error.description.contains("\n"))
            return error.description
        }
    }

    private func linear(_ index: String, _ inputs: Int, _ outputs: Int) throws -> [Tensor] {
        [try Tensor(name: "\(index).weight", shape: [outputs, inputs], values: Array(repeating: 0.1, count: inputs * outputs)),
         try Tensor(name: "\(index).bias", shape: [outputs], values: Array(repeating: 0, count: outputs))]
    }

    @Test func unknownLayoutsAreOneLineListingTheTensors() throws {
        // PyTorch's own file: a custom module's attribute names.
        let custom = try SafeTensorsFile.load(path: try Self.path("unknown_layout"))
        let message = try refusal(custom.tensors)
        #expect(message.contains("\"out.bias\" is not an nn.Sequential entry"))
        #expect(message.contains("tensors: out.bias [16], out.weight [16, 8], project.bias [8], project.weight [8, 4]"))
        // Linear sizes that do not chain.
        #expect(try refusal(try linear("0", 4, 8) + linear("2", 9, 16)).contains("layer 2 (Linear(9, 16)) needs 9 flat values"))
        // Module indices off the MLP's pattern (a Dropout between Linear and activation).
        #expect(try refusal(try linear("0", 4, 8) + linear("3", 8, 16)).contains("do not follow the layout"))
        // An output that is no square image, without --image-size.
        #expect(try refusal(try linear("0", 4, 10)).contains("give --image-size"))
        // A 3×3 kernel: stride and padding cannot be guessed.
        let conv = try linear("0", 4, 32) + [try Tensor(name: "3.weight", shape: [2, 1, 3, 3], values: Array(repeating: 0, count: 18)),
                                             try Tensor(name: "3.bias", shape: [1], values: [0])]
        #expect(try refusal(conv).contains("3×3 kernel"))
        // Long lists are shortened.
        let many = try (0..<12).flatMap { try linear(String($0 * 2), 4, 4) } + [try Tensor(name: "x", shape: [], values: [1])]
        #expect(try refusal(many).contains("… \(many.count - GeneratorFile.listedTensors) more"))
    }

    @Test func truncatedFilesAreRefusedByName() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: try Self.path("dcgan_gray28")))
        let path = NSTemporaryDirectory() + "foreign-\(UUID().uuidString).safetensors"
        defer { try? FileManager.default.removeItem(atPath: path) }
        for cut in [0, 4, 100, bytes.count / 2, bytes.count - 1] {
            try bytes.prefix(cut).write(to: URL(fileURLWithPath: path))
            do {
                _ = try GeneratorFile.load(path: path)
                Issue.record("a file cut at \(cut) of \(bytes.count) bytes was accepted")
            } catch {
                guard case .unreadable = error else { Issue.record("unexpected error \(error)"); continue }
                #expect(error.description.hasPrefix("\(path): "))
            }
        }
    }

    @Test func ganscopeCheckpointsStillLoadAsCheckpoints() throws {
        let checkpoint = Checkpoint(of: try Fixtures.tinyGAN(), run: "tiny")
        let file = try GeneratorFile(file: try checkpoint.safeTensorsFile(), source: "tiny.safetensors",
                                     hints: GeneratorHints(latentDimension: 999))
        #expect(file.origin == GeneratorOrigin(checkpoint: checkpoint))
        #expect(file.weights == checkpoint.generator)
        #expect(file.shape == checkpoint.info.dataShape)
        // Without its metadata the same tensors are a prefixed state dict: G is read, D, Adam and the
        // noise ignored; the ring's G makes 2 values, no image, which is the one complaint.
        let stripped = try refusal(try checkpoint.safeTensorsFile().tensors)
        #expect(stripped.contains("odd.safetensors: not a ganscope checkpoint nor a known generator state dict"))
        #expect(stripped.contains(": 2 outputs are neither a square gray image nor a square colour one"))
    }
}
