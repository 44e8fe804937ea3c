/// A duration as a clock shows it, for status lines and progress bars: `m:ss`, or `h:mm:ss`
/// from an hour on; `--:--` when there is no sensible figure (an ETA at 0 steps/s).
public enum ClockDuration {
    /// Whole seconds shown at most (over 11 years), so that the conversion to `Int` cannot
    /// overflow whatever the input.
    static let maximumSeconds = 359_999_999.0

    public static func text(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds <= maximumSeconds else { return "--:--" }
        let total = Int(max(seconds, 0))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }
}
