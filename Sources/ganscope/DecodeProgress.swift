import Foundation
import Synchronization

/// Reports the decoding of a `folder:` set on standard error: nothing for a decode that ends
/// within a second; after that a bar redrawn in place on a terminal, or one plain line when
/// standard error is a file or pipe. Warnings are lines of their own, after the bar, and are
/// kept (``warnings``) for the dashboard, which hides standard error once it opens.
final class DecodeProgress: Sendable {
    private let isTerminal: Bool
    private let given = Mutex<[String]>([])
    /// When loading began: the progress reporter is made just before.
    private let started = Date()
    /// Seconds after `started` of the last line printed; nil before the first.
    private let lastShown = Mutex<TimeInterval?>(nil)
    /// A terminal's bar is redrawn at most this often, and at the end.
    static let redrawInterval: TimeInterval = 0.1
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
        let elapsed = Date().timeIntervalSince(started)
        guard elapsed >= Self.delay else { return }
        let text: String? = lastShown.withLock { lastShown in
            let first = lastShown == nil
            if isTerminal {
                guard done == total || elapsed - (lastShown ?? -.infinity) >= Self.redrawInterval else { return nil }
                lastShown = elapsed
                let fraction = Double(done) / Double(max(1, total))
                let end = done == total ? "\n" : ""
                return String(format: "\r\u{1B}[Kdecoding pictures [%@] %d/%d %.0f s", ProgressBar.text(fraction: fraction),
                              done, total, elapsed) + end
            }
            lastShown = elapsed
            return first ? "ganscope: decoding \(total) pictures (cached for the next run)\n" : nil
        }
        if let text { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// A one-line warning, on a line of its own.
    func warn(_ message: String) {
        given.withLock { $0.append(message) }
        FileHandle.standardError.write(Data("ganscope: warning: \(message)\n".utf8))
    }

    /// The warnings given so far, oldest first.
    var warnings: [String] { given.withLock { $0 } }
}

/// A text progress bar, "#####-----", shared by the training and decoding reports.
enum ProgressBar {
    static func text(fraction: Double, width: Int = 24) -> String {
        let filled = Int(min(1, max(0, fraction)) * Double(width))
        return String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    }
}
