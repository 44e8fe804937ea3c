import Dispatch
import Synchronization

/// Loads generator snapshots off the watch loop's thread: a large state dict takes a while to
/// read and check, and keys must answer meanwhile. One load at a time on a serial queue; the
/// loop collects finished loads with ``takeFinished()`` each tick.
final class SnapshotLoader: Sendable {
    private let load: @Sendable (String) -> SnapshotLoad
    private let queue = DispatchQueue(label: "ganscope.watch.snapshots")
    private let finished = Mutex<[(SnapshotFile, SnapshotLoad)]>([])

    /// - Parameter load: reads the file at a path (ganscope passes `GeneratorFile.load` with the
    ///   command line's hints).
    init(load: @escaping @Sendable (String) -> SnapshotLoad) { self.load = load }

    func start(_ file: SnapshotFile) {
        queue.async { [self] in
            let result = load(file.path)
            finished.withLock { $0.append((file, result)) }
        }
    }

    func takeFinished() -> [(SnapshotFile, SnapshotLoad)] {
        finished.withLock { results in
            defer { results.removeAll() }
            return results
        }
    }
}
