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
}

/// Work ``watchUpdate(_:_:)`` asks of the runtime.
public enum WatchEffect: Sendable, Equatable {
    /// Decode this picture (PNG bytes) and answer with ``WatchMessage/pictureDecoded(_:)``.
    case decode(PictureKey, EncodedImage)
    case quit
}
