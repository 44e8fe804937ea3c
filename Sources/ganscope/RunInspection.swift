import Dashboard
import Foundation
import TensorBoard

/// `ganscope watch --inspect`: every run under some folders read once to the end, with its tags
/// and the problems met (damaged records, stopped files, files that end inside a record), as
/// text like `tensorboard --inspect` or as JSON for scripts.
struct RunInspection: Encodable {
    struct Run: Encodable {
        var name: String
        var files: [String]
        var lastStep: Int64?
        /// Seconds since 1970 of the newest event.
        var lastWallTime: Double?
        var tags: [TagSummary]
    }

    var runs: [Run] = []
    /// One line each, naming the file and what was wrong.
    var problems: [String] = []

    /// Whether any event was read: the exit status is 0 only then.
    var readSomething: Bool { runs.contains { $0.lastStep != nil || !$0.tags.isEmpty } }

    /// Reads everything under `roots` now (files that grow later are not waited for).
    init(roots: [String]) {
        var watcher = EventFolderWatcher(roots: roots)
        var logs: [String: RunLog] = [:]
        var poll: EventFolderWatcher.Poll
        repeat {
            poll = watcher.poll()
            problems += poll.notices
            for run in poll.newRuns { logs[run] = RunLog(name: run) }
            for (run, events) in poll.events {
                for event in events { logs[run, default: RunLog(name: run)].add(event) }
            }
        } while poll.more
        problems += watcher.followers.compactMap(\.incompleteTail)
        let files = Dictionary(grouping: watcher.followers.map(\.path), by: EventFolderWatcher.run(of:))
        runs = logs.values.sorted { $0.name < $1.name }.map { log in
            Run(name: log.name, files: files[log.name] ?? [], lastStep: log.lastStep, lastWallTime: log.lastWallTime,
                tags: log.tagSummaries)
        }
    }

    /// The report for a person: one block per run, one line per tag.
    func text(now: Double = Date().timeIntervalSince1970) -> String {
        var lines: [String] = []
        for run in runs {
            var heading = "\(run.name)  (\(run.files.count) file\(run.files.count == 1 ? "" : "s")"
            if let step = run.lastStep { heading += ", last step \(step)" }
            if let wall = run.lastWallTime { heading += ", \(WatchAge.text(seconds: now - wall)) ago" }
            lines.append(heading + ")")
            let width = min(run.tags.map(\.tag.count).max() ?? 0, 40)
            for tag in run.tags {
                let name = tag.tag.padding(toLength: max(width, tag.tag.count), withPad: " ", startingAt: 0)
                var line = "  \(name)  \(tag.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))"
                    + "\(String(tag.count).leftPadded(6)) \(tag.kind == .image ? "images" : "values")"
                if let first = tag.firstStep, let last = tag.lastStep { line += "  steps \(first)-\(last)" }
                if let value = tag.lastValue { line += "  last \(String(format: "%.6g", value))" }
                if let image = tag.lastImage { line += "  last \(image)" }
                lines.append(line)
            }
            if run.tags.isEmpty { lines.append("  (no tags yet)") }
        }
        if runs.isEmpty { lines.append("no event files found") }
        for problem in problems { lines.append("problem: \(problem)") }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
