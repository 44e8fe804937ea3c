import Datasets
import Foundation
@testable import GAN
import NeuralNet
import SafeTensors
import Testing

private let exportFolder = ProcessInfo.processInfo.environment["GANSCOPE_INTEROP_OUT"]

/// Writes autoencoder checkpoints and ganscope's own forward passes for
/// `Tests/Interop/autoencoder_check.py`, which loads the `encoder.*`/`decoder.*` tensors into
/// PyTorch and compares (see Tests/Interop/README.md). Runs only when asked:
///
///     GANSCOPE_INTEROP_OUT=/tmp/ae swift test --filter AutoencoderInteropExport
@Suite(.enabled(if: exportFolder != nil, "set GANSCOPE_INTEROP_OUT=DIR to export for the PyTorch check"))
struct AutoencoderInteropExport {
    @Test(arguments: [("vae-mlp", ModelKind.mlp, AutoencoderKind.vae, ReconstructionLoss.bce),
                      ("vae-dcgan-bn", .dcgan, .vae, .bce), ("ae-mlp-mse", .mlp, .ae, .mse)])
    func export(name: String, network: ModelKind, kind: AutoencoderKind, loss: ReconstructionLoss) throws {
        let folder = try #require(exportFolder)
        let autoencoder = try AutoencoderFixtures.autoencoder(kind, reconstruction: loss, batch: 16) { config, _ in
            config.model = network
            config.batchNorm = network == .dcgan ? true : nil
        }
        for _ in 0..<20 { autoencoder.step() }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let checkpointPath = "\(folder)/\(name).safetensors", referencePath = "\(folder)/\(name).reference.safetensors"
        for path in [checkpointPath, referencePath] { try? FileManager.default.removeItem(atPath: path) }
        try AutoencoderCheckpoint(of: autoencoder, run: name).write(to: checkpointPath)

        let model = autoencoder.model, features = model.features, rows = 8
        let input = Buffer<Float>(count: rows * features)
        autoencoder.dataset.copyBatch(indices: Array(0..<rows), into: input.pointer)
        let reference = try SafeTensorsFile(tensors: [
            Tensor(name: "input", shape: [rows, features], values: input.array),
            Tensor(name: "latent_means", shape: [rows, model.latentDimension], values: model.latentMeans(of: input.array)),
            Tensor(name: "reconstructions", shape: [rows, features], values: model.reconstructions(of: input.array)),
            Tensor(name: "prior_samples", shape: [model.sampleCount, features], values: model.priorSamples()),
        ], metadata: [:])
        try reference.write(to: referencePath)
    }
}
