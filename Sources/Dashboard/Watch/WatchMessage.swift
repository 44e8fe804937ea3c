import NeuralNet
import TensorBoard

/// Everything that can change the watch screen's state; ``watchUpdate(_:_:)`` handles each.
public enum WatchMessage: Sendable {
    case key(KeyPress)
    /// What a poll of the event files found.
    case read(EventFolderWatcher.Poll)
    /// The runtime decoded (or failed to decode) a picture it was asked for.
    case pictureDecoded(WatchPicture)
    /// The frame clock (seconds since the start) and the wall clock (seconds since 1970).
    case tick(now: Double, wallClock: Double)
    /// SIGINT or SIGTERM: leave as `q` does.
    case terminationSignal
    /// The newest generator snapshot in each run's folder (runs without one are absent).
    case snapshotsFound([String: SnapshotFile])
    /// The runtime read (or failed to read) a snapshot it was asked for.
    case snapshotLoaded(SnapshotFile, SnapshotLoad)
    /// The explorer's generator ran on a request.
    case explorerRendered(ExplorerImages)
}

/// Work ``watchUpdate(_:_:)`` asks of the runtime.
public enum WatchEffect: Sendable, Equatable {
    /// Decode this picture (PNG bytes) and answer with ``WatchMessage/pictureDecoded(_:)``.
    case decode(PictureKey, EncodedImage)
    /// Read this snapshot (off the loop's thread) and answer with ``WatchMessage/snapshotLoaded(_:_:)``.
    case loadSnapshot(SnapshotFile)
    /// Put these weights into the explorer's generator.
    case loadGenerator(NetworkWeights)
    /// Run the explorer's generator and answer with ``WatchMessage/explorerRendered(_:)``.
    case renderExplorer(ExplorerRequest)
    case quit
}
