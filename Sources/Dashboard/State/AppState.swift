import Datasets
import GAN

/// The one value the dashboard shows: everything ``view(_:size:)`` draws comes from here, and
/// only ``update(_:_:)`` changes it.
public struct AppState: Sendable {
    /// A live training run, or the explorer alone on saved generator weights.
    public enum Mode: Sendable, Equatable { case training, explorerOnly }

    /// Reports kept for the metrics panel's sparklines.
    public static let evaluationHistoryLimit = 256

    public let mode: Mode
    /// The model the run trains, which picks the panels: from the trainer's `.started`, or
    /// given at the start.
    public internal(set) var model: ModelFamily
    public let display: DisplayCapabilities
    public internal(set) var themes: ThemeCatalog
    public internal(set) var themeIndex = 0
    /// What the run is; nil until the trainer's `.started` event.
    public internal(set) var info: TrainingInfo?
    public internal(set) var shape: DataShape?
    public internal(set) var trainerState: TrainerState
    public internal(set) var latest: StepMetrics?
    public internal(set) var history = TrainingHistory()
    public internal(set) var verdicts: Verdicts?
    public internal(set) var samples: SampleImages?
    public internal(set) var surface: DecisionSurface?
    /// AE and VAE runs: the newest reconstruction strip; for a 2-D latent space the decoded grid
    /// (made from the explorer's decoder) and the encoder's means of labelled points.
    public internal(set) var reconstructions: Reconstructions?
    public internal(set) var latentGrid: LatentGrid?
    public internal(set) var encodedPoints: EncodedPoints?
    /// What the samples panel shows (key `z`).
    public internal(set) var latentView = LatentView.samples
    /// Every picture received so far, 8-bit and thinned, for the history slider.
    public internal(set) var pictureHistory = PictureHistory()
    /// The step the picture panels show while scrubbing the history; nil follows the live ones.
    public internal(set) var historyStep: Int?
    /// 2-D runs: D* instead of D's surface behind the points (`o`), and G's gradient arrows (`v`).
    public internal(set) var showsOptimalDiscriminator = false
    public internal(set) var showsGradientArrows = false
    /// 2-D data sets: a sample of real points and the plot's bounds.
    public let realPoints: [SIMD2<Float>]
    public let pointBounds: PlotBounds?
    public internal(set) var evaluations: [EvaluationReport] = []
    public internal(set) var lastSnapshot: (path: String, step: Int)?
    public internal(set) var explorer: ExplorerState
    /// Newest last.
    public internal(set) var notices: [Notice] = []
    /// Seconds since the start, from the last ``Message/tick(now:)``.
    public internal(set) var clock = 0.0
    public internal(set) var focus = Panel.explorer
    /// Whether the focused panel fills the whole body.
    public internal(set) var isZoomed = false
    public internal(set) var showsHelp = false
    /// The settings in force as the user set them (the run's configuration, then the control
    /// panel's changes); nil until `.started`.
    public internal(set) var settings: TrainingConfig?
    /// The control panel (`c`) while it is open.
    public internal(set) var controlPanel: ControlPanel?
    /// Slow motion (`m`) while it is on.
    public internal(set) var slowMotion: SlowMotion?
    /// Whether the metrics panel shows the spectrum view (key `p`) instead of its figures.
    public internal(set) var showsSpectrum = false
    public internal(set) var isQuitting = false
    /// Goes up whenever something visible changes, so the runtime redraws only then.
    public internal(set) var revision = 0

    /// - Parameters:
    ///   - fixedNoise: the sample grid's latent vectors, whose first two start the explorer.
    ///   - themeName: the theme to start with (`--theme`); an unknown name gives a notice.
    public init(mode: Mode, model: ModelFamily = .gan, shape: DataShape? = nil, seed: UInt64 = 0, fixedNoise: [Float] = [],
                realPoints: [SIMD2<Float>] = [], pointBounds: PlotBounds? = nil, themes: ThemeCatalog = .builtIn,
                themeName: String? = nil, display: DisplayCapabilities = .full) {
        self.mode = mode
        self.model = model
        self.shape = shape
        self.realPoints = realPoints
        self.pointBounds = pointBounds
        self.themes = themes
        self.display = display
        trainerState = mode == .training ? .running : .paused
        explorer = ExplorerState(seed: seed, fixedNoise: fixedNoise)
        for problem in themes.problems { post("theme not used: \(problem)", level: .warning, lifetime: Notice.warningLifetime) }
        if let themeName {
            if let index = themes.index(named: themeName) {
                themeIndex = index
            } else {
                let names = themes.themes.map(\.name).joined(separator: ", ")
                post("no theme called \"\(themeName)\"; using default (available: \(names))", level: .warning)
            }
        }
    }

    public var theme: Theme { themes.themes[themeIndex] }

    /// The panels shown in this mode and with this data, in focus order.
    public var visiblePanels: [Panel] {
        switch mode {
        case .explorerOnly: [.explorer]
        case .training:
            Panel.allCases.filter { panel in
                switch panel {
                case .metrics: !evaluations.isEmpty
                case .verdicts: model.isAdversarial
                case .reconstructions: !model.isAdversarial
                case .losses, .samples, .explorer: true
                }
            }
        }
    }

    /// The newest notice still showing.
    public var currentNotice: Notice? { notices.last }

    mutating func post(_ text: String, level: Notice.Level = .info, lifetime: Double = Notice.lifetime) {
        notices.post(text, level: level, clock: clock, lifetime: lifetime)
    }
}
