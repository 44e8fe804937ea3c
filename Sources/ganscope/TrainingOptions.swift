import ArgumentParser
import Datasets
import Foundation
import GAN
import NeuralNet

/// The options that define a training run, shared by the dashboard and headless mode.
///
/// Every option is optional so that, on `--resume`, ganscope can tell the ones the user typed
/// (and refuse those that contradict the checkpoint) from defaults.
struct TrainingOptions: ParsableArguments {
    @Option(help: """
        Data set: faces, digits, ring, grid, spiral, idx:PATH (MNIST-style IDX file or folder), or \
        folder:PATH (every PNG and JPEG under PATH). (default: faces)
        """)
    var dataset: String?

    @Option(parsing: .unconditional,
            help: "folder: sets only: side of the square images, 28, 32 or 64. (default: 32)",
            transform: BoundedOption.choice(of: OptionRanges.imageSizes))
    var imageSize: Int?

    @Option(parsing: .unconditional,
            help: "folder: sets only: 1 (gray) or 3 (colour). (default: 3 if any picture is colour, else 1)",
            transform: BoundedOption.choice(of: OptionRanges.channels))
    var channels: Int?

    @Option(parsing: .unconditional, help: """
        Generator updates to run (default: until stopped in the dashboard, 3000 headless). \
        With --resume: the total step to reach, counted from the start of the original run.
        """, transform: BoundedOption.integer(in: OptionRanges.steps))
    var steps: Int?

    @Option(parsing: .unconditional, help: "M: real and generated samples per minibatch. (default: 64; 128 for 2-D sets)",
            transform: BoundedOption.integer(in: OptionRanges.batch))
    var batch: Int?

    @Option(parsing: .unconditional, help: "K: discriminator updates per generator update. (default: 1)",
            transform: BoundedOption.integer(in: OptionRanges.discriminatorSteps))
    var k: Int?

    @Option(help: "Generator loss: non-saturating (maximise log D(G(z))) or minimax (minimise log(1 - D(G(z)))). (default: non-saturating)")
    var loss: GANLoss?

    @Option(help: "Optimiser for both networks: adam or sgd. (default: adam)")
    var optimizer: OptimizerKind?

    @Option(name: .customLong("lr-g"), parsing: .unconditional,
            help: "Generator learning rate. (default: 0.0002; 0.001 for MLPs on faces, 0.002 for 2-D sets)", transform: BoundedOption.learningRate)
    var learningRateG: Float?

    @Option(name: .customLong("lr-d"), parsing: .unconditional,
            help: "Discriminator learning rate. (default: 0.0002; 0.001 for MLPs on faces, 0.002 for 2-D sets)", transform: BoundedOption.learningRate)
    var learningRateD: Float?

    @Option(name: .customLong("lr-half-life"), parsing: .unconditional,
            help: "Steps over which both learning rates halve; 0 keeps them constant. (default: 0; 3000 for 2-D sets)",
            transform: BoundedOption.integer(in: OptionRanges.halfLife))
    var learningRateHalfLife: Int?

    @Option(name: .customLong("z-dim"), parsing: .unconditional,
            help: "Length of the noise vector z (default 64 for images, 4 for 2-D points).",
            transform: BoundedOption.integer(in: OptionRanges.latentDimension))
    var latentDimension: Int?

    @Option(parsing: .unconditional,
            help: "Random seed: the same seed gives the same run (bit-identical with --threads 1). (default: 0)",
            transform: BoundedOption.integer(in: OptionRanges.seed))
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "Threads for matrix products and the optimiser. (default: 2; 1 for 2-D sets)",
            transform: BoundedOption.integer(in: OptionRanges.threads))
    var threads: Int?

    /// The model to train: `train`'s `--model` (``TrainCommand``), or one of `compare`'s
    /// `--models`. Not an option of this group, so that `compare --help` does not offer it.
    var model: ModelChoice? = nil

    @Option(help: """
        --model ae|vae: the encoder's and decoder's layers: mlp (the MLP-GAN's D and G) or dcgan (the DCGAN's, \
        convolutional; square images of 28, 32 or 64 pixels). (default: mlp)
        """)
    var network: ModelKind?

    @Flag(name: .customLong("batch-norm"), help: """
        BatchNorm2d after the hidden transposed convolutions of the DCGAN's generator (--model dcgan) or \
        decoder (--network dcgan).
        """)
    var batchNorm = false

    @Option(name: .customLong("conv-width"), parsing: .unconditional, help: """
        --model dcgan or --network dcgan: channels of the convolutions next to the image, doubling at each \
        stage inwards (64 is PyTorch's make_dcgan). (default: 64)
        """, transform: BoundedOption.integer(in: OptionRanges.convolutionWidth))
    var convolutionWidth: Int?

    @Option(parsing: .unconditional,
            help: "Steps between learning metrics (mode coverage, FCD, D's AUC, probe); 0 turns them off (default: 500 for 2-D sets, 1000 for images).",
            transform: BoundedOption.integer(in: OptionRanges.evalEvery))
    var evalEvery: Int?

    @Option(parsing: .unconditional, help: "--model vae: β, the weight of the KL term. (default: 1)",
            transform: BoundedOption.beta)
    var beta: Float?

    @Option(name: .customLong("kl-warmup"), parsing: .unconditional,
            help: "--model vae: steps over which the KL weight ramps from 0 to β; 0 starts at β. (default: 0)",
            transform: BoundedOption.integer(in: OptionRanges.klWarmup))
    var klWarmup: Int?

    @Option(name: .customLong("reconstruction-loss"),
            help: "--model ae|vae: bce (pixels as probabilities) or mse. (default: bce for images, mse for 2-D sets)")
    var reconstructionLoss: ReconstructionLoss?

    /// The autoencoder `--model` asks for; nil for a GAN.
    var autoencoderKind: AutoencoderKind? { model?.autoencoderKind }

    /// The options of a new autoencoder run on data of `shape`; nil for a GAN.
    func autoencoderOptions(for shape: DataShape) -> AutoencoderOptions? {
        guard let kind = autoencoderKind else { return nil }
        let isImage = if case .image = shape { true } else { false }
        return AutoencoderOptions(kind: kind, beta: beta ?? 1, klWarmupSteps: klWarmup ?? 0,
                                  reconstruction: reconstructionLoss ?? (isImage ? .bce : .mse))
    }

    /// Options given that the chosen model has no use for, as one line naming them (so a
    /// mistyped run fails before it starts instead of silently ignoring them); nil if none.
    var modelOptionProblem: String? {
        let model = model ?? .mlp
        let ignored: [String]
        switch model.autoencoderKind {
        case nil:
            ignored = [network.map { _ in "--network" }, beta.map { _ in "--beta" }, klWarmup.map { _ in "--kl-warmup" },
                       reconstructionLoss.map { _ in "--reconstruction-loss" }].compactMap { $0 }
        case .ae?, .vae?:
            ignored = [k.map { _ in "--k" }, loss.map { _ in "--loss" },
                       model == .ae ? beta.map { _ in "--beta" } : nil,
                       model == .ae ? klWarmup.map { _ in "--kl-warmup" } : nil].compactMap { $0 }
            if ignored.isEmpty, batchNorm, network != .dcgan {
                return "--batch-norm: only with --network dcgan (the MLP has no convolutions)"
            }
        }
        guard !ignored.isEmpty else { return nil }
        let why = switch model {
        case .mlp, .dcgan: "only for --model ae|vae; this run trains a GAN"
        case .ae: "not for --model ae, which has no discriminator and no KL term"
        case .vae: "not for --model vae, which has no discriminator"
        }
        return "\(ignored.joined(separator: ", ")): \(why)"
    }

    /// Refuses, as a usage error, options the chosen model has no use for (a new run; on resume
    /// the checkpoint's model decides, see ``conflicts(with:autoencoder:)``).
    func checkModelOptions() throws {
        if let modelOptionProblem { throw ValidationError(modelOptionProblem) }
    }

    /// The configuration of a new run: the options given, defaults for the rest.
    func config(defaultSteps: Int?) -> TrainingConfig {
        let network = (model ?? .mlp).network(autoencoderNetwork: network)
        var config = TrainingConfig.defaults(for: dataset ?? TrainingConfig().dataset, network: network ?? .mlp)
        config.dataset = resolvedDataset ?? config.dataset
        config.steps = steps ?? defaultSteps
        config.batchSize = batch ?? config.batchSize
        config.discriminatorSteps = k ?? config.discriminatorSteps
        config.loss = loss ?? config.loss
        config.optimizer = optimizer ?? config.optimizer
        config.learningRateG = learningRateG ?? config.learningRateG
        config.learningRateD = learningRateD ?? config.learningRateD
        if let learningRateHalfLife {  // 0 asks for constant rates, which the config stores as nil
            config.learningRateHalfLife = learningRateHalfLife == 0 ? nil : learningRateHalfLife
        }
        config.latentDimension = latentDimension ?? config.latentDimension
        config.seed = seed ?? config.seed
        config.threads = threads ?? config.threads
        config.model = network
        config.batchNorm = batchNorm ? true : nil
        config.convolutionWidth = convolutionWidth
        return config
    }

    /// `--dataset` with a `folder:` path made absolute, so that a snapshot names the same folder
    /// whatever directory the run is resumed from.
    var resolvedDataset: String? {
        guard let dataset, case .folder(let path) = try? DatasetSpec(parsing: dataset) else { return dataset }
        return DatasetSpec.folder(path: URL(fileURLWithPath: path).standardizedFileURL.path).description
    }

    /// How to load a `folder:` set: at `imageSize` with `channels` (a resumed run passes the
    /// snapshot's), cached in `cacheFolder`, with progress and warnings told to `report`.
    static func folderOptions(imageSize: Int?, channels: Int?, cacheFolder: String,
                              report: DecodeProgress = .standardError()) -> FolderOptions {
        return FolderOptions(imageSize: imageSize ?? FolderOptions.defaultImageSize, channels: channels,
                             cacheFolder: cacheFolder, progress: { report.update(done: $0, total: $1) },
                             warn: { report.warn($0) })
    }

    /// Refuses `--image-size` and `--channels` for a set other than `folder:PATH`, as a usage
    /// error: they would silently do nothing.
    func checkImageOptions(for spec: String) throws {
        if case .folder = try? DatasetSpec(parsing: spec) { return }
        if let flag = [("--image-size", imageSize), ("--channels", channels)].first(where: { $0.1 != nil })?.0 {
            throw ValidationError("\(flag) applies only to folder:PATH data sets, not to \(spec)")
        }
    }

    /// `--image-size` and `--channels` where they differ from a snapshot's images.
    func imageConflicts(with shape: DataShape) -> [String] {
        guard case .image(let width, _, let planes) = shape else { return [] }
        return [
            imageSize.flatMap { $0 == width ? nil : "--image-size \($0) (checkpoint: \(width))" },
            channels.flatMap { $0 == planes ? nil : "--channels \($0) (checkpoint: \(planes))" },
        ].compactMap { $0 }
    }

    /// The options given that contradict `saved` (a checkpoint's configuration, and an
    /// autoencoder's options), as "--batch 32 (checkpoint: 16)"; `--steps` and `--threads` may
    /// change on resume.
    func conflicts(with saved: TrainingConfig, autoencoder savedAutoencoder: AutoencoderOptions? = nil) -> [String] {
        let savedModel = savedAutoencoder.map { ModelChoice(autoencoder: $0.kind) } ?? ModelChoice(network: saved.model)
        // A GAN's snapshot has no --network: any given conflicts with it.
        let savedNetwork = savedAutoencoder.map { _ in (saved.model ?? .mlp).rawValue }
        func check<T: Equatable>(_ flag: String, _ given: T?, _ stored: T?) -> String? {
            guard let given, given != stored else { return nil }
            return "\(flag) \(given) (checkpoint: \(stored.map { "\($0)" } ?? "default"))"
        }
        return [
            check("--dataset", resolvedDataset, saved.dataset),
            check("--batch", batch, saved.batchSize),
            check("--k", k, saved.discriminatorSteps),
            check("--loss", loss?.rawValue, saved.loss.rawValue),
            check("--optimizer", optimizer?.rawValue, saved.optimizer.rawValue),
            check("--lr-g", learningRateG, saved.learningRateG),
            check("--lr-d", learningRateD, saved.learningRateD),
            check("--lr-half-life", learningRateHalfLife, saved.learningRateHalfLife ?? 0),
            check("--z-dim", latentDimension, saved.latentDimension),
            check("--seed", seed, saved.seed),
            check("--model", model?.rawValue, savedModel.rawValue),
            check("--network", network?.rawValue, savedNetwork),
            check("--beta", beta, savedAutoencoder?.beta),
            check("--kl-warmup", klWarmup, savedAutoencoder?.klWarmupSteps),
            check("--reconstruction-loss", reconstructionLoss?.rawValue, savedAutoencoder?.reconstruction.rawValue),
            batchNorm && saved.batchNorm != true ? "--batch-norm (checkpoint: without)" : nil,
            check("--conv-width", convolutionWidth, saved.convolutionWidth ?? ModelArchitecture.defaultConvolutionWidth),
        ].compactMap { $0 }
    }
}

extension GANLoss: ExpressibleByArgument {}
extension OptimizerKind: ExpressibleByArgument {}
extension ModelKind: ExpressibleByArgument {}
extension ReconstructionLoss: ExpressibleByArgument {}
