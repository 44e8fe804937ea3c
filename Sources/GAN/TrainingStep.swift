import Datasets
import NeuralNet

/// One model's training state as the ``Trainer`` drives it: a step, the counts, the pictures it
/// shows and the snapshot it saves. `GANStep` is one; the autoencoders' step another.
///
/// What only the GAN can do (updates by hand, slow motion, D's verdicts, its decision surface and
/// D*, the control panel's settings) is not part of it: the trainer asks `as? GANStep` for those,
/// so another model needs none of them and the GAN's behaviour stays exactly as it was.
///
/// Not `Sendable`: a training state belongs to one thread at a time (see ``Trainer``).
public protocol TrainingStep: AnyObject {
    /// The configuration in force; the trainer reads the total `steps` and the `threads`.
    var config: TrainingConfig { get }
    var dataset: Dataset { get }
    /// Steps taken so far (the GAN counts its generator updates).
    var stepCount: Int { get }
    /// Passes over the data so far.
    var epoch: Double { get }
    /// False while the state is no step's state (a step abandoned part-way, half an update made
    /// by hand): a snapshot of it would not resume exactly, so none is written.
    var isBetweenSteps: Bool { get }
    /// What the run is, sent as `.started` (its `startStep` is ``stepCount`` now).
    var trainingInfo: TrainingInfo { get }

    /// Runs one step, asking `shouldAbandon` between its updates (if it has more than one); if
    /// that answers true the step ends there, uncounted, and returns nil.
    func runStep(abandoningIf shouldAbandon: () -> Bool) -> StepLosses?

    /// Samples from the fixed noise as the dashboard and `--dump-samples` show them:
    /// (`trainingInfo.sampleCount`, features) row-major, images in [−1, 1]; evaluation mode.
    func fixedSamples() -> [Float]
    /// The network the latent explorer runs (z → one sample as shown), a copy; nil if there is none.
    func explorerWeights() -> NetworkWeights?
    /// The state now as a snapshot to write; throws `CheckpointError.midStep` unless between steps.
    func snapshot(run: String) throws(CheckpointError) -> any TrainingSnapshot
}

/// A training state's snapshot, made between steps on the trainer's queue, written by
/// ``CheckpointFolder``.
public protocol TrainingSnapshot {
    /// How far the run had come; the step names the file.
    var progress: SnapshotProgress { get }
    /// Writes it atomically; never replaces an existing file (`CheckpointError.cannotWrite(.alreadyExists)`).
    func write(to path: String) throws(CheckpointError)
}

/// What tells two snapshots of one run apart: the step alone would miss the GAN's updates and
/// changes made by hand.
public struct SnapshotProgress: Sendable, Equatable {
    public var step: Int
    /// The GAN's discriminator updates; the step count for models with one update a step.
    public var updates: Int
    /// Changes of settings and updates by hand so far.
    public var changes: Int
}
