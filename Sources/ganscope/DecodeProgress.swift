import Foundation
import Synchronization

/// Reports the decoding of a `folder:` set on standard error: nothing for a decode that ends
/// within a second; after that a bar redrawn in place on a terminal, or one plain line when
/// standard error is a file or pipe. Warnings are lines of their own, after the bar.
final class DecodeProgress: Sendable {
    private struct State {
        var started: Date?
        var shown = false
    }

    private let isTerminal: Bool
    private let state = Mutex(State())
    /// Decodes quicker than this show nothing.
    static let delay: TimeInterval = 1

    init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    static func standardError() -> DecodeProgress {
        DecodeProgress(isTerminal: isatty(STDERR_FILENO) == 1)
    }

    /// After `done` of `total` files.
    func update(done: Int, total: Int) {
        let text: String? = state.withLock { state in
            let now = Date()
            let started = state.started ?? now
            state.started = started
            let elapsed = now.timeIntervalSince(started)
            guard elapsed >= Self.delay else { return nil }
            defer { state.shown = true }
            if isTerminal {
                let fraction = Double(done) / Double(max(1, total))
                let end = done == total ? "\n" : ""
                return String(format: "\r\u{1B}[Kdecoding pictures [%@] %d/%d %.0f s", ProgressBar.text(fraction: fraction),
                              done, total, elapsed) + end
            }
            return state.shown ? nil : "ganscope: decoding \(total) pictures (cached for the next run)\n"
        }
        if let text { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// A one-line warning, on a line of its own.
    func warn(_ message: String) {
        FileHandle.standardError.write(Data("ganscope: warning: \(message)\n".utf8))
    }
}

/// A text progress bar, "#####-----", shared by the training and decoding reports.
enum ProgressBar {
    static func text(fraction: Double, width: Int = 24) -> String {
        let filled = Int(min(1, max(0, fraction)) * Double(width))
        return String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    }
}
