import Dispatch
import Foundation
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
    /// The picture kinds taken in at most every `RefreshSchedule.pictureInterval` while training runs.
    static let pictureKinds: Set<TrainerEvent.Kind> = [.verdicts, .samples, .decisionSurface]

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
        let cpuAtStart = Self.threadCPUTime(), wallAtStart = elapsed
        var schedule = RefreshSchedule()
        var drawn: (revision: Int, columns: Int, rows: Int)?
        while !state.isQuitting {
            let wait = schedule.secondsUntilData(at: elapsed)
            if let key = screen.readKey(timeoutMilliseconds: Int32((wait * 1000).rounded(.up))) {
                dispatch(.key(key))
            }
            if terminationRequested() { dispatch(.terminationSignal) }
            let now = elapsed
            if schedule.isDue(.data, at: now) {
                schedule.record(.data, at: now)
                dispatch(.tick(now: now))
                // Pictures and weights that are not due yet stay queued (the newest of each kind).
                let running = state.trainerState == .running
                var heldBack: Set<TrainerEvent.Kind> = []
                if !schedule.isDue(.pictures, at: now, trainingRuns: running) { heldBack.formUnion(Self.pictureKinds) }
                if !schedule.isDue(.generator, at: now, trainingRuns: running) { heldBack.insert(.generator) }
                let events = inbox.drain(holdingBack: heldBack)
                if events.contains(where: { Self.pictureKinds.contains($0.kind) }) { schedule.record(.pictures, at: now) }
                if events.contains(where: { $0.kind == .generator }) { schedule.record(.generator, at: now) }
                for event in events { dispatch(.trainer(event)) }
            }
            let size = screen.size
            if state.isQuitting { break }
            if let drawn, drawn == (state.revision, size.columns, size.rows) { continue }
            drawFrame(size: size)
            drawn = (state.revision, size.columns, size.rows)
        }
        stats.uiThreadSeconds = Self.threadCPUTime() - cpuAtStart
        stats.wallSeconds = elapsed - wallAtStart
        trainer?.stop()
        trainer?.waitUntilFinished()
        subscription?.cancel()
        // The trainer's last words (its final state) belong in the returned state.
        for event in inbox.drain() { dispatch(.trainer(event)) }
        return state
    }

    private func drawFrame(size: (columns: Int, rows: Int)) {
        let start = Self.now(), cpuAtStart = Self.threadCPUTime()
        let grid = view(state, size: size)
        let built = Self.now(), cpuBuilt = Self.threadCPUTime()
        screen.draw(grid)
        stats.record(view: built - start, draw: Self.now() - built, viewCPU: cpuBuilt - cpuAtStart,
                     drawCPU: Self.threadCPUTime() - cpuBuilt, size: size)
    }

    /// Applies one message and carries out its effects (which may answer with more messages).
    private func dispatch(_ message: Message) {
        for effect in update(&state, message) { perform(effect) }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .togglePause: trainer?.togglePause()
        case .requestSnapshot: trainer?.requestSnapshot()
        case .send(let command): trainer?.send(command)
        case .quit: break  // the loop sees state.isQuitting
        case .loadGenerator(let weights):
            let start = Self.now()
            explorer.load(weights)
            stats.explorerSeconds += Self.now() - start
        case .renderExplorer(let request):
            let start = Self.now()
            let images = explorer.render(request)
            stats.explorerSeconds += Self.now() - start
            if let images { dispatch(.explorerRendered(images)) }
        case .renderLatentGrid(let request):
            let start = Self.now()
            let images = explorer.render(request)
            stats.explorerSeconds += Self.now() - start
            if let images { dispatch(.latentGridRendered(images)) }
        case .themeChanged: screen.resetColors()
        }
    }

    private var elapsed: Double { Self.now() - startedAt }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// CPU seconds used by the calling thread.
    private static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
