import Foundation
import NeuralNet

/// Everything needed to continue a run exactly or to use its generator: both networks, Adam's
/// moments, the fixed noise, and the metadata in ``info``.
///
/// Stored as safetensors with PyTorch's `nn.Sequential` state-dict names, so
/// `generator.load_state_dict({k[10:]: v for k, v in f.items() if k.startswith("generator.")})`
/// works in PyTorch:
///
///     generator.0.weight [256, 64]      generator.0.bias [256]      … generator.4.bias [1024]
///     discriminator.0.weight [512, 1024] …                          discriminator.4.bias [1]
///     optimizer.generator.0.weight.exp_avg / .exp_avg_sq (same shapes), optimizer.generator.step []
///     optimizer.discriminator.…                                     (Adam only)
///     fixed_noise [sampleCount, z]
///
/// ```swift
/// let checkpoint = Checkpoint(of: gan, run: "faces-0")
/// try checkpoint.write(to: "checkpoints/faces-0-000400.safetensors")
/// let loaded = try Checkpoint.load(path: "checkpoints/faces-0-000400.safetensors")
/// ```
public struct Checkpoint: Sendable, Equatable {
    public var info: CheckpointInfo
    public var generator: NetworkWeights
    public var discriminator: NetworkWeights
    /// Adam's state for each network; nil when training with SGD.
    public var generatorOptimizer: OptimizerState?
    public var discriminatorOptimizer: OptimizerState?
    /// The sample grid's noise, (sampleCount, latentDimension) row-major.
    public var fixedNoise: [Float]

    public init(info: CheckpointInfo, generator: NetworkWeights, discriminator: NetworkWeights,
                generatorOptimizer: OptimizerState?, discriminatorOptimizer: OptimizerState?, fixedNoise: [Float]) {
        self.info = info
        self.generator = generator
        self.discriminator = discriminator
        self.generatorOptimizer = generatorOptimizer
        self.discriminatorOptimizer = discriminatorOptimizer
        self.fixedNoise = fixedNoise
    }

    /// A snapshot of `gan` as it is now (call it between steps).
    public init(of gan: GANStep, run: String, created: Date = Date()) {
        self.init(info: CheckpointInfo(of: gan, run: run, created: created),
                  generator: NetworkWeights(of: gan.model.generator),
                  discriminator: NetworkWeights(of: gan.model.discriminator),
                  generatorOptimizer: gan.generatorOptimizer.state,
                  discriminatorOptimizer: gan.discriminatorOptimizer.state,
                  fixedNoise: gan.model.fixedNoise.array)
    }
}
