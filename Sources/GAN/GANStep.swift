import Datasets
import NeuralNet
import Randomness

/// One iteration of the lecture's algorithm: K discriminator updates, each on M real and M
/// generated samples, then one generator update on M fresh noise vectors.
///
/// Two equivalences keep it fast without changing the mathematics: D sees the real and fake
/// halves as one 2M-row batch (the loss is a sum over rows either way), and during G's update
/// D's parameter gradients are not computed at all, since only dL/d(G(z)) is needed.
///
/// Not `Sendable`: a training state belongs to one thread at a time. The `Trainer` takes it
/// (`sending`) and hands it back when its run has ended.
public final class GANStep {
    public let model: GANModel
    /// The configuration in force: the run's, with the changes made since (``perform(_:)``).
    public private(set) var config: TrainingConfig
    public let dataset: Dataset
    public let generatorOptimizer: NetworkOptimizer
    public let discriminatorOptimizer: NetworkOptimizer
    /// Noise and data order: the one stream training draws from after initialisation.
    public var rng: SeededRNG
    /// Generator updates taken so far.
    public private(set) var stepCount = 0
    /// Discriminator updates taken so far (K an iteration, and those made by hand).
    public private(set) var discriminatorUpdates = 0
    /// The commands applied so far, oldest first: checkpoints keep them as the run's history.
    public private(set) var controlHistory: [ControlRecord] = []
    /// True between the two halves of a discriminator update made in slow motion
    /// (``ManualUpdate/discriminatorVerdicts``): D's gradient is computed but not yet applied.
    public private(set) var hasPreparedDiscriminatorUpdate = false
    /// Real samples drawn so far (for the epoch count).
    public private(set) var realSamplesSeen = 0
    /// What the last step measured; nil before the first.
    public private(set) var lastResult: StepResult?
    /// D's outputs (probabilities) on the last real and fake minibatches.
    public private(set) var lastRealScores: [Float] = []
    public private(set) var lastFakeScores: [Float] = []
    /// True once an iteration was abandoned part-way (see `step(abandoningIf:)`): D has moved on
    /// but `stepCount` has not, so the state is no step's state and must not be saved as one.
    public private(set) var isMidStep = false

    private let batch: Int
    private var picks: [Int]                  // (M) data indices, reused so a step allocates nothing
    private let noise: Buffer<Float>          // (M, z)
    private let discriminatorInput: Buffer<Float>  // (2M, features): reals, then fakes
    private let logitGradient: Buffer<Float>  // (2M)
    private let fakeGradient: Buffer<Float>   // (M, features)

    public init(model: GANModel, config: TrainingConfig, dataset: Dataset) {
        self.model = model
        self.config = config
        self.dataset = dataset
        batch = config.batchSize
        picks = Array(repeating: 0, count: batch)
        rng = SeededRNG(seed: config.seed, stream: RNGStream.training)
        let features = model.generator.outputSize
        noise = Buffer(count: batch * model.latentDimension)
        discriminatorInput = Buffer(count: 2 * batch * features)
        logitGradient = Buffer(count: 2 * batch)
        fakeGradient = Buffer(count: batch * features)
        generatorOptimizer = NetworkOptimizer(config.optimizer, for: model.generator,
                                              learningRate: config.learningRateG, config: config)
        discriminatorOptimizer = NetworkOptimizer(config.optimizer, for: model.discriminator,
                                                  learningRate: config.learningRateD, config: config)
    }

    /// Passes over the data so far.
    public var epoch: Double { Double(realSamplesSeen) / Double(max(dataset.count, 1)) }

    /// Runs one iteration and reports the losses of its last D and G updates.
    public func step() -> StepResult {
        guard let result = step(abandoningIf: { false }) else { preconditionFailure("nothing abandons this step") }
        return result
    }

    /// Runs one iteration, asking `shouldAbandon` before each update after the first, so that a
    /// stop request is seen within one update however large K is. If it answers true, the
    /// iteration ends there, uncounted, and returns nil: `stepCount` stays at the last completed
    /// step and `isMidStep` becomes true. A generator update past `config.steps` is not taken.
    public func step(abandoningIf shouldAbandon: () -> Bool) -> StepResult? {
        completePreparedUpdate()
        // With K = 0 no D update runs: D's figures stay those of its last update.
        var result = resultSoFar
        setLearningRates()
        for update in 0..<config.discriminatorSteps {
            if update > 0, shouldAbandon() { return abandon() }
            updateDiscriminator(into: &result)
        }
        let remaining = config.steps.map { max($0 - stepCount, 1) } ?? Int.max
        for _ in 0..<min(config.generatorUpdatesPerIteration, remaining) {
            if shouldAbandon() { return abandon() }
            updateGenerator(into: &result)
            stepCount += 1
        }
        lastResult = result
        return result
    }

    /// Applies `command` (between updates) and returns what was applied, in order: a prepared
    /// discriminator update that had to be completed first, then the command itself. A setting
    /// takes effect from the next update; an update by hand updates ``lastResult``.
    @discardableResult
    public func perform(_ command: TrainerCommand) -> [ControlRecord] {
        var applied: [ControlRecord] = []
        switch command {
        case .update(.discriminator), .update(.discriminatorVerdicts): break
        default: applied += completePreparedUpdate().map { [$0] } ?? []
        }
        switch command {
        case .set(let control):
            control.apply(to: &config)
            if case .beta1(let beta) = control {
                generatorOptimizer.beta1 = beta
                discriminatorOptimizer.beta1 = beta
            }
        case .update(.iteration):
            _ = step()
        case .update(.discriminator):
            updateByHand { result in
                if !hasPreparedDiscriminatorUpdate { prepareDiscriminatorUpdate(into: &result) }
                finishDiscriminatorUpdate()
            }
        case .update(.discriminatorVerdicts):
            updateByHand { result in
                if !hasPreparedDiscriminatorUpdate { prepareDiscriminatorUpdate(into: &result) }
            }
        case .update(.generator):
            updateByHand { result in
                updateGenerator(into: &result)
                stepCount += 1
            }
        }
        applied.append(record(command))
        return applied
    }

    /// The figures of the last updates, zero before the first.
    private var resultSoFar: StepResult {
        lastResult ?? StepResult(discriminatorLoss: 0, generatorLoss: 0, meanRealScore: 0, meanFakeScore: 0)
    }

    /// One update outside an iteration, at the schedule's rates; its figures become ``lastResult``.
    private func updateByHand(_ update: (inout StepResult) -> Void) {
        var result = resultSoFar
        setLearningRates()
        update(&result)
        lastResult = result
    }

    /// Applies a prepared discriminator update (see ``ManualUpdate/discriminatorVerdicts``), so
    /// that the state is a whole number of updates again; returns its record, or nil if none was
    /// prepared. The trainer calls it before a snapshot and before training runs on.
    @discardableResult
    public func completePreparedUpdate() -> ControlRecord? {
        guard hasPreparedDiscriminatorUpdate else { return nil }
        finishDiscriminatorUpdate()
        return record(.update(.discriminator))
    }

    private func record(_ command: TrainerCommand) -> ControlRecord {
        let record = ControlRecord(command: command, step: stepCount)
        controlHistory.append(record)
        return record
    }

    /// Sets the optimisers' rates from the step count alone, so a resumed run follows the same schedule.
    private func setLearningRates() {
        let decay = config.learningRateFactor(afterSteps: stepCount)
        generatorOptimizer.learningRate = config.learningRateG * decay
        discriminatorOptimizer.learningRate = config.learningRateD * decay
    }

    private func abandon() -> StepResult? {
        isMidStep = true
        return nil
    }

    /// Sets the counters a checkpoint records (see `restore(from:)`); the rest of the state is
    /// reachable through `model`, the optimisers and `rng`.
    func restoreProgress(stepCount: Int, discriminatorUpdates: Int, realSamplesSeen: Int, lastResult: StepResult?,
                         controlHistory: [ControlRecord]) {
        self.stepCount = stepCount
        self.discriminatorUpdates = discriminatorUpdates
        self.realSamplesSeen = realSamplesSeen
        self.lastResult = lastResult
        self.controlHistory = controlHistory
    }

    /// Ascends log D(x) + log(1 − D(G(z))), i.e. descends the BCE of reals as 1 and fakes as 0.
    private func updateDiscriminator(into result: inout StepResult) {
        prepareDiscriminatorUpdate(into: &result)
        finishDiscriminatorUpdate()
    }

    /// The first half of D's update: D judges M fresh reals and M fresh fakes (the verdicts
    /// and the loss go into `result`) and its gradients are computed.
    private func prepareDiscriminatorUpdate(into result: inout StepResult) {
        let features = model.generator.outputSize
        let input = discriminatorInput.pointer
        for i in 0..<batch { picks[i] = rng.index(below: dataset.count) }
        dataset.copyBatch(indices: picks, into: input)
        realSamplesSeen += batch
        fillNoise()
        let fakes = model.generator.forward(noise.pointer, batch: batch)  // no backward: G is fixed
        (input + batch * features).update(from: fakes, count: batch * features)

        let (realLoss, fakeLoss, logits) = GANObjective.discriminatorLossAndGradients(
            discriminator: model.discriminator, input: input, batch: batch, logitGradient: logitGradient.pointer)
        hasPreparedDiscriminatorUpdate = true

        result.discriminatorLoss = realLoss + fakeLoss
        if lastRealScores.isEmpty {  // sized on first use: empty means "no step yet" to observers
            lastRealScores = Array(repeating: 0, count: batch)
            lastFakeScores = Array(repeating: 0, count: batch)
        }
        for i in 0..<batch {
            lastRealScores[i] = BinaryCrossEntropy.sigmoid(logits[i])
            lastFakeScores[i] = BinaryCrossEntropy.sigmoid(logits[batch + i])
        }
        result.meanRealScore = lastRealScores.reduce(0, +) / Float(batch)
        result.meanFakeScore = lastFakeScores.reduce(0, +) / Float(batch)
    }

    /// The second half: D's optimiser applies the gradients the first half computed.
    private func finishDiscriminatorUpdate() {
        discriminatorOptimizer.step()
        discriminatorUpdates += 1
        hasPreparedDiscriminatorUpdate = false
    }

    /// Descends G's loss through D's input gradient; D's weights are left untouched.
    private func updateGenerator(into result: inout StepResult) {
        fillNoise()
        result.generatorLoss = GANObjective.generatorLossAndGradients(
            config.loss, generator: model.generator, discriminator: model.discriminator, noise: noise.pointer,
            batch: batch, logitGradient: logitGradient.pointer, fakeGradient: fakeGradient.pointer)
        generatorOptimizer.step()
    }

    private func fillNoise() {
        let z = noise.pointer
        for i in 0..<noise.count { z[i] = rng.gaussian() }
    }
}
