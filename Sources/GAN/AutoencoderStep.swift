import Datasets
import NeuralNet
import Randomness

/// One update of an autoencoder: M real samples drawn as ``GANStep`` draws them, encoded,
/// (for the VAE) sampled by the reparameterisation trick, decoded; then the loss
/// reconstruction + β_t·KL descends through both networks by Adam (or SGD).
///
/// The encoder stands where D stands and the decoder where G does, so they take D's and G's
/// learning rates (`learningRateD`, `learningRateG`) and the same schedule.
///
/// Not `Sendable`: a training state belongs to one thread at a time. An update abandoned between
/// its passes (``step(abandoningIf:)``) leaves the state as it was before it, so unlike
/// ``GANStep`` it never leaves a mid-step state behind.
public final class AutoencoderStep {
    public let model: AutoencoderModel
    public let config: TrainingConfig
    public let options: AutoencoderOptions
    public let dataset: Dataset
    public let encoderOptimizer: NetworkOptimizer
    public let decoderOptimizer: NetworkOptimizer
    /// Data order and the VAE's ε: the one stream training draws from after initialisation.
    public var rng: SeededRNG
    /// Updates taken so far.
    public private(set) var stepCount = 0
    /// Real samples drawn so far (for the epoch count).
    public private(set) var realSamplesSeen = 0
    /// What the last update measured; nil before the first.
    public private(set) var lastResult: AutoencoderResult?

    private let batch: Int
    private var picks: [Int]                   // (M) data indices, reused so an update allocates nothing
    private let input: Buffer<Float>           // (M, features)
    private let targets: Buffer<Float>         // (M, features)
    private let outputGradient: Buffer<Float>  // (M, features)
    private let noise: Buffer<Float>           // (M, L): the VAE's ε
    private let latent: Buffer<Float>          // (M, L): z
    private let latentGradient: Buffer<Float>  // (M, L)
    private let codeGradient: Buffer<Float>    // (M, code): dL/d(encoder output)
    /// The decoder's BatchNorm statistics before the update, to put back if it is abandoned
    /// (a few values a layer, so saving them every update costs nothing).
    private let statisticsBefore: [Buffer<Float>]

    public init(model: AutoencoderModel, config: TrainingConfig, options: AutoencoderOptions, dataset: Dataset) {
        precondition(options.kind == model.kind && options.reconstruction == model.reconstruction,
                     "the options must be the model's")
        self.model = model
        self.config = config
        self.options = options
        self.dataset = dataset
        batch = config.batchSize
        picks = Array(repeating: 0, count: batch)
        rng = SeededRNG(seed: config.seed, stream: RNGStream.training)
        let features = model.features, z = model.latentDimension
        input = Buffer(count: batch * features)
        targets = Buffer(count: batch * features)
        outputGradient = Buffer(count: batch * features)
        noise = Buffer(count: batch * z)
        latent = Buffer(count: batch * z)
        latentGradient = Buffer(count: batch * z)
        codeGradient = Buffer(count: batch * model.codeSize)
        statisticsBefore = model.decoder.runningStatistics.map { Buffer(count: $0.count) }
        encoderOptimizer = NetworkOptimizer(config.optimizer, for: model.encoder,
                                            learningRate: config.learningRateD, config: config)
        decoderOptimizer = NetworkOptimizer(config.optimizer, for: model.decoder,
                                            learningRate: config.learningRateG, config: config)
    }

    /// Passes over the data so far.
    public var epoch: Double { Double(realSamplesSeen) / Double(max(dataset.count, 1)) }

    /// Runs one update and reports its terms.
    @discardableResult
    public func step() -> AutoencoderResult {
        guard let result = step(abandoningIf: { false }) else { preconditionFailure("nothing abandons this step") }
        return result
    }

    /// Runs one update, asking `shouldAbandon` between its passes so that a stop request is seen
    /// within one pass however large M is. If it answers true the update is undone and returns
    /// nil: weights, Adam moments, BatchNorm statistics, random stream and counters are as they
    /// were before it, so a snapshot taken then resumes exactly.
    public func step(abandoningIf shouldAbandon: () -> Bool) -> AutoencoderResult? {
        let decay = config.learningRateFactor(afterSteps: stepCount)
        encoderOptimizer.learningRate = config.learningRateD * decay
        decoderOptimizer.learningRate = config.learningRateG * decay
        let rngBefore = rng
        for (saved, live) in zip(statisticsBefore, model.decoder.runningStatistics) {
            saved.pointer.update(from: live.pointer, count: live.count)
        }
        let batchesTrackedBefore = statisticsBefore.isEmpty ? [] : model.decoder.batchesTracked
        let features = model.features
        for i in 0..<batch { picks[i] = rng.index(below: dataset.count) }
        dataset.copyBatch(indices: picks, into: input.pointer)
        model.toTargets(input.pointer, targets.pointer, count: batch * features)

        if model.kind == .vae {
            for i in 0..<noise.count { noise[i] = rng.gaussian() }
        }
        let klWeight = options.klWeight(afterSteps: stepCount)
        let scratch = AutoencoderObjective.Scratch(
            noise: UnsafePointer(noise.pointer), latent: latent.pointer, latentGradient: latentGradient.pointer,
            outputGradient: outputGradient.pointer, codeGradient: codeGradient.pointer)
        guard let (reconstruction, kl) = AutoencoderObjective.lossAndGradients(
            model.kind, reconstruction: model.reconstruction, klWeight: klWeight, encoder: model.encoder,
            decoder: model.decoder, input: input.pointer, targets: targets.pointer, batch: batch, scratch: scratch,
            abandoningIf: shouldAbandon)
        else {
            // Only the random stream and BatchNorm's statistics have moved; the optimisers have not run.
            rng = rngBefore
            for (saved, live) in zip(statisticsBefore, model.decoder.runningStatistics) {
                live.pointer.update(from: saved.pointer, count: saved.count)
            }
            model.decoder.batchesTracked = batchesTrackedBefore
            return nil
        }
        encoderOptimizer.step()
        decoderOptimizer.step()
        realSamplesSeen += batch
        stepCount += 1
        let result = AutoencoderResult(reconstruction: reconstruction, kl: kl, klWeight: klWeight)
        lastResult = result
        return result
    }

    /// Sets the counters a checkpoint records (see `init(resuming:…)`); the rest of the state is
    /// reachable through `model`, the optimisers and `rng`.
    func restoreProgress(stepCount: Int, realSamplesSeen: Int, lastResult: AutoencoderResult?) {
        self.stepCount = stepCount
        self.realSamplesSeen = realSamplesSeen
        self.lastResult = lastResult
    }
}
