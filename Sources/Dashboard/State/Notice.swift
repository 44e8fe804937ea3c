/// A short message at the bottom of the screen (snapshot saved, diverged, warnings) that goes
/// away by itself.
public struct Notice: Sendable, Equatable {
    public enum Level: Sendable, Equatable { case info, warning, error }

    public static let lifetime = 6.0

    public var text: String
    public var level: Level
    /// The frame clock time after which it is no longer shown.
    public var expires: Double
}
