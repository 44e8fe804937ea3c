import Dispatch
import Foundation
import TensorBoard

/// The watch screen's loop: reads keys with a short timeout, polls the event files (every
/// second, at once again while a file holds more than one poll reads), decodes the picture
/// ``watchUpdate(_:_:)`` asks for, and draws ``watchView(_:size:)`` when something visible
/// changed. Everything runs on the calling thread: reading a poll's new records and decoding
/// one small PNG take milliseconds.
public final class WatchApp {
    public private(set) var state: WatchState
    private var watcher: EventFolderWatcher
    private let screen: TerminalScreen
    private let decode: (EncodedImage) -> WatchPicture.Content
    private let terminationRequested: () -> Bool
    private let startedAt = WatchApp.now()

    /// Seconds between polls of the event files.
    static let pollInterval = 1.0
    /// Key wait: also how often the clock ticks.
    static let tickMilliseconds: Int32 = 250

    /// - Parameters:
    ///   - decode: turns an image summary's bytes into pixels (ganscope decodes PNG with libpng).
    ///   - terminationRequested: polled every tick; true leaves as `q` does (SIGINT, SIGTERM).
    public init(state: WatchState, watcher: EventFolderWatcher, screen: TerminalScreen,
                decode: @escaping (EncodedImage) -> WatchPicture.Content, terminationRequested: @escaping () -> Bool) {
        self.state = state
        self.watcher = watcher
        self.screen = screen
        self.decode = decode
        self.terminationRequested = terminationRequested
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
            }
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
            case .quit: break  // the loop sees state.isQuitting
            }
        }
    }

    private var elapsed: Double { Self.now() - startedAt }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
