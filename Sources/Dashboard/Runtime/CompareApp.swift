import Dispatch
import GAN
import Observer

/// The compare screen's loop (`ganscope compare`): reads keys with the frame interval as
/// timeout, drains each run's inbox, runs ``compareUpdate(_:_:)``, carries out the effects on the
/// one trainer that drives every run and draws ``compareView(_:size:)-(CompareState,_)`` when
/// something visible changed. The trainer runs on its own queue and never waits for it.
public final class CompareApp {
    /// What the columns show: no explorer weights, verdicts, surfaces or latent maps, so the
    /// trainer makes none of those pictures.
    static let kinds: Set<TrainerEvent.Kind> = TrainerEvent.Kind.text.union([.samples])
    /// Seconds between two looks at the inboxes (and the longest a key waits).
    static let frameInterval = 0.2

    public private(set) var state: CompareState
    private let screen: TerminalScreen
    private let trainer: Trainer
    private let inboxes: [TrainerInbox]
    private let terminationRequested: () -> Bool
    private let startedAt = CompareApp.now()

    /// - Parameters:
    ///   - state: one run per `trainer.runEvents`, in the same order.
    ///   - terminationRequested: polled every frame; true leaves as `q` does (SIGINT, SIGTERM).
    public init(state: CompareState, screen: TerminalScreen, trainer: Trainer, terminationRequested: @escaping () -> Bool) {
        precondition(state.runs.count == trainer.runEvents.count, "one column per run")
        self.state = state
        self.screen = screen
        self.trainer = trainer
        self.terminationRequested = terminationRequested
        inboxes = trainer.runEvents.map { _ in TrainerInbox() }
    }

    /// Runs until the user quits; stops the trainer and waits for its current steps before
    /// returning the final state.
    @discardableResult
    public func run() -> CompareState {
        let subscriptions = zip(trainer.runEvents, inboxes).map { events, inbox in
            events.subscribe(to: Self.kinds, inbox.receive)
        }
        trainer.start()
        var drawn: (revision: Int, columns: Int, rows: Int)?
        while !state.isQuitting {
            if let key = screen.readKey(timeoutMilliseconds: Int32(Self.frameInterval * 1000)) { dispatch(.key(key)) }
            if terminationRequested() { dispatch(.terminationSignal) }
            dispatch(.tick(now: Self.now() - startedAt))
            drainInboxes()
            let size = screen.size
            if state.isQuitting { break }
            if let drawn, drawn == (state.revision, size.columns, size.rows) { continue }
            screen.draw(compareView(state, size: size))
            drawn = (state.revision, size.columns, size.rows)
        }
        trainer.stop()
        trainer.waitUntilFinished()
        subscriptions.forEach { $0.cancel() }
        // The runs' last words (their final states) belong in the returned state.
        drainInboxes()
        return state
    }

    private func drainInboxes() {
        for (index, inbox) in inboxes.enumerated() {
            for event in inbox.drain() { dispatch(.trainer(run: index, event)) }
        }
    }

    private func dispatch(_ message: CompareMessage) {
        for effect in compareUpdate(&state, message) {
            switch effect {
            case .togglePause: trainer.togglePause()
            case .requestSnapshot: trainer.requestSnapshot()
            // The compare screen asks for nothing else: no commands, explorer or themes.
            case .quit, .send, .loadGenerator, .renderExplorer, .renderLatentGrid, .themeChanged: break
            }
        }
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
