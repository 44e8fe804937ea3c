import Foundation

/// Finds the event files under some folders and follows each as it grows. A file is an event
/// file when its name contains `tfevents`; a run is the folder holding it, named as the user
/// would type it (`runs/exp1`). Each ``poll()`` looks for new files (new runs, rotated files)
/// and reads what was added to the known ones.
public struct EventFolderWatcher: Sendable {
    /// The folders (or single event files) given on the command line.
    public let roots: [String]
    /// Every event file found so far, in the order found (by name within a folder).
    public private(set) var followers: [EventFileFollower] = []
    private var known: Set<String> = []
    /// Roots already reported missing, so the notice is not repeated every poll.
    private var missingRoots: Set<String> = []

    public init(roots: [String]) { self.roots = roots }

    /// What one poll found: new events by run, one-line notices, and whether some file holds
    /// more than one poll reads (poll again soon).
    public struct Poll: Sendable {
        public var events: [(run: String, events: [Event])] = []
        public var notices: [String] = []
        public var more = false
        /// Runs seen for the first time (they may have no events yet).
        public var newRuns: [String] = []

        public init() {}
    }

    public mutating func poll() -> Poll {
        var result = Poll()
        discover(into: &result)
        for index in followers.indices {
            let batch = followers[index].poll()
            result.notices += batch.notices
            result.more = result.more || batch.more
            if !batch.events.isEmpty { result.events.append((Self.run(of: followers[index].path), batch.events)) }
        }
        return result
    }

    /// The run an event file belongs to: its folder.
    public static func run(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private mutating func discover(into result: inout Poll) {
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else {
                if missingRoots.insert(root).inserted { result.notices.append("\(root): no such file or folder") }
                continue
            }
            missingRoots.remove(root)
            let found = isFolder.boolValue ? Self.eventFiles(under: root) : [root]
            for path in found where known.insert(path).inserted {
                let run = Self.run(of: path)
                if !followers.contains(where: { Self.run(of: $0.path) == run }) { result.newRuns.append(run) }
                followers.append(EventFileFollower(path: path))
            }
        }
    }

    /// Event files under `folder`, at any depth, sorted by path (their names start with the
    /// time they were created, so a run's files come oldest first).
    static func eventFiles(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard (relative as NSString).lastPathComponent.contains("tfevents") else { continue }
            let path = (folder as NSString).appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
