import Dispatch
import GAN
import Observer

/// The dashboard's loop: reads keys with the frame interval as timeout (the tick), drains the
/// trainer's inbox, runs ``update(_:_:)``, carries out the effects and draws ``view(_:size:)``
/// when something visible changed. The trainer runs on its own queue and never waits for it.
///
/// ```swift
/// let app = DashboardApp(state: state, screen: screen, trainer: trainer,
///                        terminationRequested: { TerminationSignals.pending != nil })
/// let final = app.run()   // returns after q, Ctrl-C or SIGTERM, training stopped
/// ```
public final class DashboardApp {
    /// At most this many data-driven redraws per second; keys redraw at once.
    public static let framesPerSecond = 30.0

    public private(set) var state: AppState
    public private(set) var stats = FrameStats()
    private let screen: TerminalScreen
    private let trainer: Trainer?
    private let inbox = TrainerInbox()
    private let explorer = ExplorerEngine()
    private let terminationRequested: () -> Bool
    private let startedAt = DashboardApp.now()

    /// - Parameters:
    ///   - trainer: started by ``run()``; nil for the explorer alone.
    ///   - initialMessages: handled before the first frame (e.g. the saved generator to explore).
    ///   - terminationRequested: polled every frame; true leaves as `q` does (SIGINT, SIGTERM).
    public init(state: AppState, screen: TerminalScreen, trainer: Trainer?, initialMessages: [Message] = [],
                terminationRequested: @escaping () -> Bool) {
        self.state = state
        self.screen = screen
        self.trainer = trainer
        self.terminationRequested = terminationRequested
        for message in initialMessages { dispatch(message) }
    }

    /// Runs until the user quits; stops the trainer and waits for its current step before
    /// returning the final state.
    @discardableResult
    public func run() -> AppState {
        let subscription = trainer?.events.subscribe(inbox.receive)
        trainer?.start()
        defer {
            trainer?.stop()
            trainer?.waitUntilFinished()
            subscription?.cancel()
        }
        let interval = 1 / Self.framesPerSecond
        var lastRefresh = -interval  // the first frame is due at once
        var drawn: (revision: Int, columns: Int, rows: Int)?
        while !state.isQuitting {
            let wait = max(1, Int32(((lastRefresh + interval - elapsed) * 1000).rounded(.up)))
            if let key = screen.readKey(timeoutMilliseconds: min(wait, Int32(interval * 1000))) {
                dispatch(.key(key))
            }
            if terminationRequested() { dispatch(.terminationSignal) }
            if elapsed - lastRefresh >= interval {
                lastRefresh = elapsed
                dispatch(.tick(now: lastRefresh))
                for message in inbox.drain() { dispatch(message) }
            }
            let size = screen.size
            if state.isQuitting { break }
            if let drawn, drawn == (state.revision, size.columns, size.rows) { continue }
            drawFrame(size: size)
            drawn = (state.revision, size.columns, size.rows)
        }
        return state
    }

    private func drawFrame(size: (columns: Int, rows: Int)) {
        let start = Self.now()
        let grid = view(state, size: size)
        let built = Self.now()
        screen.draw(grid)
        stats.record(view: built - start, draw: Self.now() - built, size: size)
    }

    /// Applies one message and carries out its effects (which may answer with more messages).
    private func dispatch(_ message: Message) {
        for effect in update(&state, message) { perform(effect) }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .togglePause: trainer?.togglePause()
        case .requestSnapshot: trainer?.requestSnapshot()
        case .quit: break  // the loop sees state.isQuitting
        case .loadGenerator(let weights): explorer.load(weights)
        case .renderExplorer(let request):
            if let images = explorer.render(request) { dispatch(.explorerRendered(images)) }
        case .themeChanged: screen.resetColors()
        }
    }

    private var elapsed: Double { Self.now() - startedAt }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
