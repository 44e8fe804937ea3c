/// What `ganscope compare` shows: one ``AppState`` per run, each fed by its own run's events
/// and drawn as a column by ``compareView(_:size:)-(CompareState,_)``, plus what belongs to the
/// screen as a whole. Only ``compareUpdate(_:_:)`` changes it.
public struct CompareState: Sendable {
    /// The runs in the order of `--models`.
    public internal(set) var runs: [AppState]
    public internal(set) var showsHelp = false
    public internal(set) var isQuitting = false
    /// The screen's own notices (keys answered); each run keeps its own (snapshots, warnings).
    public internal(set) var notices: [Notice] = []
    /// Seconds since the start, from the last ``CompareMessage/tick(now:)``.
    public internal(set) var clock = 0.0
    /// Goes up whenever something visible changes, so the runtime redraws only then.
    public internal(set) var revision = 0

    public init(runs: [AppState]) {
        self.runs = runs
    }

    /// Whether every run has ended (finished, stopped or diverged).
    public var allEnded: Bool { runs.allSatisfy(\.trainerState.isFinal) }

    /// The newest notice still showing, the screen's or a run's (named by its model).
    public var currentNotice: Notice? {
        let own = notices.last.map { [$0] } ?? []
        let runs = runs.compactMap { run in
            run.currentNotice.map { Notice(text: "\(run.model.shortName): \($0.text)", level: $0.level, expires: $0.expires) }
        }
        return (own + runs).max { $0.expires < $1.expires }
    }

    mutating func post(_ text: String, level: Notice.Level = .info, lifetime: Double = Notice.lifetime) {
        notices.post(text, level: level, clock: clock, lifetime: lifetime)
    }
}
