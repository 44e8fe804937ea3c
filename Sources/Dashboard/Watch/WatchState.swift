import Datasets
import TensorBoard

/// The one value the watch screen (`ganscope watch DIR...`) shows: the runs read so far, which
/// run and picture are chosen, the decoded picture, notices. Only ``watchUpdate(_:_:)`` changes
/// it and ``watchView(_:size:)`` draws it, as ``AppState`` for training.
public struct WatchState: Sendable {
    public let display: DisplayCapabilities
    public let theme: Theme
    /// Sorted by name.
    public internal(set) var runs: [RunLog] = []
    public internal(set) var selectedRun = 0
    /// `--d-loss` / `--g-loss`: used instead of the guess when given.
    public let lossTagOverrides: (discriminator: String?, generator: String?)
    /// The image tag chosen in each run (by run name); the first tag otherwise.
    var imageTagChoice: [String: String] = [:]
    /// The picture shown, as an index into its tag's kept pictures; nil follows the newest.
    public internal(set) var scrubIndex: Int?
    /// The decoded picture on screen (it may be an older one while the wanted one decodes).
    public internal(set) var picture: WatchPicture?
    /// The picture asked of the runtime and not answered yet.
    var pendingDecode: PictureKey?
    /// Newest last.
    public internal(set) var notices: [Notice] = []
    /// Seconds since the start, and the wall clock (seconds since 1970) for the runs' ages.
    public internal(set) var clock = 0.0
    public internal(set) var wallClock = 0.0
    public internal(set) var isQuitting = false
    /// Goes up whenever something visible changes, so the runtime redraws only then.
    public internal(set) var revision = 0
    /// The latent explorer on the chosen run's newest generator snapshot.
    public internal(set) var snapshots = WatchSnapshots()

    /// - Parameter themeName: `--theme`; an unknown name gives a notice and the first theme.
    public init(display: DisplayCapabilities = .full, themes: ThemeCatalog = .builtIn, themeName: String? = nil,
                discriminatorLossTag: String? = nil, generatorLossTag: String? = nil) {
        self.display = display
        let index = themeName.flatMap(themes.index(named:))
        theme = themes.themes[index ?? 0]
        lossTagOverrides = (discriminatorLossTag, generatorLossTag)
        if let themeName, index == nil {
            let names = themes.themes.map(\.name).joined(separator: ", ")
            post("no theme called \"\(themeName)\"; using \(theme.name) (available: \(names))", level: .warning)
        }
    }

    public var currentRun: RunLog? { runs.indices.contains(selectedRun) ? runs[selectedRun] : nil }

    /// The tags the panels use in the chosen run.
    public var tags: RunTags? { currentRun.map { RunTags(run: $0, overrides: lossTagOverrides) } }

    /// The chosen run's image tag.
    public var imageTag: String? {
        guard let run = currentRun else { return nil }
        if let chosen = imageTagChoice[run.name], run.images[chosen] != nil { return chosen }
        return run.images.keys.sorted().first
    }

    /// The picture that should be on screen: the chosen run, tag and position.
    var wantedPicture: (key: PictureKey, image: EncodedImage)? {
        guard let run = currentRun, let tag = imageTag, let entries = run.images[tag]?.entries,
              !entries.isEmpty else { return nil }
        let index = min(scrubIndex ?? entries.count - 1, entries.count - 1)
        return (PictureKey(run: run.name, tag: tag, index: index, step: entries[index].step), entries[index].image)
    }

    var currentNotice: Notice? { notices.last }

    mutating func post(_ text: String, level: Notice.Level = .info) {
        notices.post(text, level: level, clock: clock)
    }
}

/// Which picture: run, tag, its position among the tag's kept pictures, and its step.
public struct PictureKey: Sendable, Equatable {
    public var run: String
    public var tag: String
    public var index: Int
    public var step: Int64
}

/// A decoded picture: 8-bit gray (1 channel) or RGB (3, interleaved), rows top first; or why it
/// could not be decoded.
public struct WatchPicture: Sendable, Equatable {
    public var key: PictureKey
    public var content: Content

    public enum Content: Sendable, Equatable {
        case pixels(width: Int, height: Int, channels: Int, bytes: [UInt8])
        case undecodable(String)
    }

    public init(key: PictureKey, content: Content) {
        self.key = key
        self.content = content
    }
}

/// The generator snapshots of the watched runs and the one the explorer runs: the explorer follows
/// the chosen run's newest file; a file that fails to load is named in a notice, not retried
/// until it changes, and the generator loaded before stays.
public struct WatchSnapshots: Sendable {
    /// The newest file in each run's folder, by run name.
    public internal(set) var newest: [String: SnapshotFile] = [:]
    /// The file whose generator the explorer holds, and its run.
    public internal(set) var loaded: SnapshotFile?
    public internal(set) var loadedRun: String?
    /// What the loaded file is, e.g. "PyTorch state dict: mlp 64-256-784, z 64, 28×28 gray".
    public internal(set) var summary = ""
    /// The images the loaded generator makes.
    public internal(set) var shape: DataShape?
    public internal(set) var explorer = ExplorerState(seed: 0)
    /// Asked of the runtime and not answered yet.
    var pending: SnapshotFile?
    /// The last file that failed, so an unchanged broken file is not read again every poll.
    var failed: SnapshotFile?
    /// Generators loaded so far: the explorer's "step" for requests.
    var loadCount = 0

    public init() {}
}
