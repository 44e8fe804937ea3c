import Foundation
import NeuralNet
import Randomness
import TestSupport
import Testing

/// The convolution and batch-norm layers against numbers PyTorch computed
/// (Fixtures/torch_layers.json, written by Tests/Interop/layer_fixture.py): forward outputs,
/// input, weight and bias gradients, and BatchNorm2d's running statistics, in Double and Float.
@Suite struct TorchLayerTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let kind: String
        let batch: Int
        let input, upstream, output, weight, bias: [Double]
        let gradInput, gradWeight, gradBias: [Double]
        // Convolutions
        let inChannels, outChannels, kernel, stride, padding: Int?
        // Batch norm
        let training: Bool?
        let channels: Int?
        let runningMeanBefore, runningVarBefore, runningMeanAfter, runningVarAfter: [Double]?
        let batchesTracked: Int?
        let height, width: Int

        var testDescription: String { "\(kind) \(height)×\(width)" + (training.map { $0 ? " training" : " evaluation" } ?? "") }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/torch_layers.json")
        struct File: Decodable { let cases: [Case] }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { return try decoder.decode(File.self, from: Data(contentsOf: url)).cases } catch {
            Issue.record("cannot read \(url.path): \(error)")
            return []
        }
    }()

    /// The layer `fixture` describes, in `T`, with its weights, bias and running statistics.
    static func layer<T: BLASScalar>(_ fixture: Case, as _: T.Type) -> any CheckedLayer<T> {
        var rng = SeededRNG(seed: 0)
        let layer: any CheckedLayer<T>
        let i = fixture.inChannels ?? 0, o = fixture.outChannels ?? 0, k = fixture.kernel ?? 0
        let s = fixture.stride ?? 0, p = fixture.padding ?? 0
        switch fixture.kind {
        case "conv2d":
            layer = Conv2d<T>(inChannels: i, outChannels: o, kernelSize: k, stride: s, padding: p,
                              inputHeight: fixture.height, inputWidth: fixture.width, namePrefix: "", rng: &rng)
        case "conv_transpose2d":
            layer = ConvTranspose2d<T>(inChannels: i, outChannels: o, kernelSize: k, stride: s, padding: p,
                                       inputHeight: fixture.height, inputWidth: fixture.width, namePrefix: "", rng: &rng)
        default:
            let norm = BatchNorm2d<T>(channels: fixture.channels ?? 0, height: fixture.height, width: fixture.width,
                                      namePrefix: "")
            norm.isTraining = fixture.training ?? true
            norm.runningMean.assign((fixture.runningMeanBefore ?? []).map { T($0) })
            norm.runningVariance.assign((fixture.runningVarBefore ?? []).map { T($0) })
            layer = norm
        }
        layer.parameters[0].value.assign(fixture.weight.map { T($0) })
        layer.parameters[1].value.assign(fixture.bias.map { T($0) })
        return layer
    }

    /// Runs `fixture` through its layer in `T`: the output, the gradients (input, weight, bias)
    /// and, for batch norm, the running statistics after the pass.
    static func run<T: BLASScalar>(_ fixture: Case, as type: T.Type) -> [String: [Double]] {
        let layer = Self.layer(fixture, as: type), batch = fixture.batch
        // PyTorch's tensors are NCHW; the layers take feature-major batches.
        let featureMajor = { (values: [Double]) in
            Buffer<T>(FeatureMajorArrays.fromBatchMajor(values.map { T($0) }, batch: batch))
        }
        let input = featureMajor(fixture.input), upstream = featureMajor(fixture.upstream)
        let output = Buffer<T>(count: batch * layer.outputCount), gradInput = Buffer<T>(count: batch * layer.inputCount)
        layer.forward(input: input.pointer, output: output.pointer, batch: batch)
        layer.backward(input: input.pointer, output: output.pointer, gradOutput: upstream.pointer,
                       gradInput: gradInput.pointer, batch: batch, parameterGradients: .overwrite)
        let double = { (buffer: Buffer<T>) in buffer.array.map(Double.init) }
        let batchMajor = { (buffer: Buffer<T>) in FeatureMajorArrays.toBatchMajor(double(buffer), batch: batch) }
        var results = ["output": batchMajor(output), "gradInput": batchMajor(gradInput),
                       "gradWeight": double(layer.parameters[0].gradient), "gradBias": double(layer.parameters[1].gradient)]
        if let norm = layer as? BatchNorm2d<T> {
            results["runningMean"] = double(norm.runningMean)
            results["runningVar"] = double(norm.runningVariance)
            results["batchesTracked"] = [Double(norm.batchesTracked)]
        }
        return results
    }

    /// Largest difference relative to the reference's largest magnitude, so values near zero do
    /// not dominate.
    static func difference(_ ours: [Double]?, _ theirs: [Double]) -> Double {
        guard let ours, ours.count == theirs.count else { return .infinity }
        let scale = max(1e-12, theirs.map(abs).max() ?? 0)
        return zip(ours, theirs).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
    }

    /// Guards against a fixture that fails to load, which would leave `matchesPyTorch` no cases.
    @Test func fixtureCoversEveryLayerAndMode() {
        #expect(Set(Self.cases.map(\.kind)) == ["conv2d", "conv_transpose2d", "batchnorm2d"])
        #expect(Set(Self.cases.compactMap(\.training)) == [true, false])
    }

    @Test(arguments: cases)
    func matchesPyTorch(fixture: Case) {
        var expected = ["output": fixture.output, "gradInput": fixture.gradInput,
                        "gradWeight": fixture.gradWeight, "gradBias": fixture.gradBias]
        if fixture.kind == "batchnorm2d" {
            expected["runningMean"] = fixture.runningMeanAfter
            expected["runningVar"] = fixture.runningVarAfter
            expected["batchesTracked"] = [Double(fixture.batchesTracked ?? -1)]
        }
        // Double repeats PyTorch's float64 arithmetic up to summation order; Float is float32.
        for (results, tolerance) in [(Self.run(fixture, as: Double.self), 1e-12), (Self.run(fixture, as: Float.self), 1e-5)] {
            for (name, values) in expected {
                #expect(Self.difference(results[name], values) < tolerance, "\(name)")
            }
        }
    }
}
