/// A short message at the bottom of the screen (snapshot saved, diverged, warnings) that goes
/// away by itself.
public struct Notice: Sendable, Equatable {
    public enum Level: Sendable, Equatable { case info, warning, error }

    public static let lifetime = 6.0
    /// Warnings stay longer (skipped files, a snapshot that could not be written, a theme not
    /// used): they say something went wrong, and often come while the user is looking elsewhere.
    public static let warningLifetime = 15.0

    public var text: String
    public var level: Level
    /// The frame clock time after which it is no longer shown.
    public var expires: Double
}

extension [Notice] {
    /// The most notices kept; older ones go first.
    static let limit = 8

    /// Adds a notice shown from `clock` for `lifetime` seconds.
    mutating func post(_ text: String, level: Notice.Level, clock: Double, lifetime: Double = Notice.lifetime) {
        append(Notice(text: text, level: level, expires: clock + lifetime))
        if count > Self.limit { removeFirst(count - Self.limit) }
    }

    /// Drops the notices expired at `now`; true when one was dropped (the screen changes).
    mutating func removeExpired(at now: Double) -> Bool {
        let before = count
        removeAll { $0.expires <= now }
        return count != before
    }
}
