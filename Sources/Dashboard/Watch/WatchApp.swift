import Dispatch
import Foundation
import TensorBoard

/// The watch screen's loop: reads keys with a short timeout, polls the event files (every
/// second, at once again while a file holds more than one poll reads) and the runs' folders for
/// generator snapshots, decodes the picture ``watchUpdate(_:_:)`` asks for, runs the explorer's
/// generator, and draws ``watchView(_:size:)`` when something visible changed. All of it runs on
/// the calling thread (reading a poll's new records, decoding one small PNG and a few rows through
/// a small generator take milliseconds) except reading snapshots, which can be large: a
/// ``SnapshotLoader`` reads them on its own queue and the loop collects them every tick.
public final class WatchApp {
    public private(set) var state: WatchState
    private var watcher: EventFolderWatcher
    private let screen: TerminalScreen
    private let decode: (EncodedImage) -> WatchPicture.Content
    private let terminationRequested: () -> Bool
    private let snapshotLoader: SnapshotLoader?
    private let explorer = ExplorerEngine()
    private let startedAt = WatchApp.now()

    /// Seconds between polls of the event files.
    static let pollInterval = 1.0
    /// Key wait: also how often the clock ticks.
    static let tickMilliseconds: Int32 = 250

    /// - Parameters:
    ///   - decode: turns an image summary's bytes into pixels (ganscope decodes PNG with libpng).
    ///   - terminationRequested: polled every tick; true leaves as `q` does (SIGINT, SIGTERM).
    ///   - loadSnapshot: reads a generator snapshot (off this thread); nil leaves the explorer out.
    public init(state: WatchState, watcher: EventFolderWatcher, screen: TerminalScreen,
                decode: @escaping (EncodedImage) -> WatchPicture.Content, terminationRequested: @escaping () -> Bool,
                loadSnapshot: (@Sendable (String) -> SnapshotLoad)? = nil) {
        self.state = state
        self.watcher = watcher
        self.screen = screen
        self.decode = decode
        self.terminationRequested = terminationRequested
        snapshotLoader = loadSnapshot.map(SnapshotLoader.init)
    }

    /// Runs until the user quits; returns the final state.
    @discardableResult
    public func run() -> WatchState {
        var nextPoll = 0.0
        var drawn: (revision: Int, columns: Int, rows: Int)?
        while !state.isQuitting {
            if let key = screen.readKey(timeoutMilliseconds: Self.tickMilliseconds) { dispatch(.key(key)) }
            if terminationRequested() { dispatch(.terminationSignal) }
            let now = elapsed
            dispatch(.tick(now: now, wallClock: Date().timeIntervalSince1970))
            if now >= nextPoll {
                let poll = watcher.poll()
                nextPoll = poll.more ? now : now + Self.pollInterval
                dispatch(.read(poll))
                if snapshotLoader != nil { dispatch(.snapshotsFound(newestSnapshots())) }
            }
            for (file, result) in snapshotLoader?.takeFinished() ?? [] { dispatch(.snapshotLoaded(file, result)) }
            if state.isQuitting { break }
            let size = screen.size
            if let drawn, drawn == (state.revision, size.columns, size.rows) { continue }
            screen.draw(watchView(state, size: size))
            drawn = (state.revision, size.columns, size.rows)
        }
        return state
    }

    private func dispatch(_ message: WatchMessage) {
        for effect in watchUpdate(&state, message) {
            switch effect {
            case .decode(let key, let image): dispatch(.pictureDecoded(WatchPicture(key: key, content: decode(image))))
            case .loadSnapshot(let file): snapshotLoader?.start(file)
            case .loadGenerator(let weights): explorer.load(weights)
            case .renderExplorer(let request):
                if let images = explorer.render(request) { dispatch(.explorerRendered(images)) }
            case .quit: break  // the loop sees state.isQuitting
            }
        }
    }

    /// The newest snapshot in each known run's folder.
    private func newestSnapshots() -> [String: SnapshotFile] {
        var newest: [String: SnapshotFile] = [:]
        for run in state.runs { newest[run.name] = SnapshotFile.newest(in: run.name) }
        return newest
    }

    private var elapsed: Double { Self.now() - startedAt }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
