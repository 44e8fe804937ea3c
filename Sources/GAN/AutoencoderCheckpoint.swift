import Foundation
import NeuralNet
import SafeTensors

/// Everything needed to continue an autoencoder run exactly or to use its decoder: both networks,
/// Adam's moments, the fixed prior noise, and the metadata in ``info``. Stored as safetensors with
/// PyTorch's `nn.Sequential` state-dict names under the prefixes `encoder.` and `decoder.`, as a
/// GAN's under `generator.` and `discriminator.`:
///
///     encoder.0.weight [512, 784] … encoder.4.bias [128]   decoder.0.weight [256, 64] … decoder.4.bias [784]
///     optimizer.encoder.0.weight.exp_avg / .exp_avg_sq, optimizer.encoder.step   (Adam only; decoder alike)
///     fixed_noise [sampleCount, z]
public struct AutoencoderCheckpoint: Sendable, Equatable {
    public var info: AutoencoderCheckpointInfo
    public var encoder: NetworkWeights
    public var decoder: NetworkWeights
    /// Adam's state for each network; nil when training with SGD.
    public var encoderOptimizer: OptimizerState?
    public var decoderOptimizer: OptimizerState?
    /// The sample grid's prior noise, (sampleCount, latentDimension) row-major.
    public var fixedNoise: [Float]

    public init(info: AutoencoderCheckpointInfo, encoder: NetworkWeights, decoder: NetworkWeights,
                encoderOptimizer: OptimizerState?, decoderOptimizer: OptimizerState?, fixedNoise: [Float]) {
        self.info = info
        self.encoder = encoder
        self.decoder = decoder
        self.encoderOptimizer = encoderOptimizer
        self.decoderOptimizer = decoderOptimizer
        self.fixedNoise = fixedNoise
    }

    /// A snapshot of `autoencoder` as it is now (call it between updates).
    public init(of autoencoder: AutoencoderStep, run: String, created: Date = Date()) {
        self.init(info: AutoencoderCheckpointInfo(of: autoencoder, run: run, created: created),
                  encoder: NetworkWeights(of: autoencoder.model.encoder),
                  decoder: NetworkWeights(of: autoencoder.model.decoder),
                  encoderOptimizer: autoencoder.encoderOptimizer.state,
                  decoderOptimizer: autoencoder.decoderOptimizer.state,
                  fixedNoise: autoencoder.model.fixedNoise.array)
    }

    /// The checkpoint as a safetensors file. Throws ``CheckpointError/unsavable(detail:)`` when
    /// the metadata could not be read back.
    public func safeTensorsFile() throws(CheckpointError) -> SafeTensorsFile {
        let metadata = try info.metadata
        do {
            let tensors = try NamedNetwork.tensors([
                NamedNetwork(name: "encoder", weights: encoder, optimizer: encoderOptimizer),
                NamedNetwork(name: "decoder", weights: decoder, optimizer: decoderOptimizer),
            ]) + [
                try Tensor(name: TensorName.fixedNoise, shape: [info.config.sampleCount, info.architecture.latentDimension],
                           values: fixedNoise),
            ]
            return try SafeTensorsFile(tensors: tensors, metadata: metadata)
        } catch {
            // The tensors come from live networks whose shapes match by construction.
            preconditionFailure("checkpoint tensors do not fit their shapes: \(error)")
        }
    }

    /// Reads a checkpoint out of a decoded safetensors file, checking every tensor against the
    /// metadata: all present, none extra, every shape as the architecture implies.
    public init(file: SafeTensorsFile, source: String) throws(CheckpointError) {
        let info = try AutoencoderCheckpointInfo(metadata: file.metadata, source: source)
        let layouts: (encoder: NetworkLayout, decoder: NetworkLayout)
        do throws(ArchitectureProblem) {
            layouts = try info.architecture.layouts(features: info.dataShape.featureCount, kind: info.options.kind)
        } catch {
            // The metadata's reader has checked the record already; a file cannot get here.
            throw .invalidMetadata(source: source, key: MetadataKey.architecture, detail: error.detail)
        }
        var table = TensorTable(file: file, source: source)
        let adam = info.config.optimizer == .adam
        let (encoder, encoderOptimizer) = try table.network("encoder", layout: layouts.encoder, adam: adam)
        let (decoder, decoderOptimizer) = try table.network("decoder", layout: layouts.decoder, adam: adam)
        let noise = try table.take(TensorName.fixedNoise,
                                   shape: [info.config.sampleCount, info.architecture.latentDimension])
        try table.expectEmpty()
        self.init(info: info, encoder: encoder, decoder: decoder, encoderOptimizer: encoderOptimizer,
                  decoderOptimizer: decoderOptimizer, fixedNoise: noise)
    }
}

extension AutoencoderCheckpoint: CheckpointFileFormat {}
