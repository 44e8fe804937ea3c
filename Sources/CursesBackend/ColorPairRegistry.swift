/// Hands out curses colour-pair numbers for (foreground, background) combinations on demand and
/// reuses them, so a frame needs only the pairs it actually shows.
///
/// Pair 0 is the terminal's default pair and is never handed out. Colours are curses colour
/// numbers: -1 for the terminal default, else 0...255.
public struct ColorPairRegistry: Sendable {
    /// The number of pairs the terminal supports (`COLOR_PAIRS`), pair 0 included.
    public let capacity: Int
    private var pairs: [Int32: Int32] = [:]

    public init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// The number of pairs handed out.
    public var count: Int { pairs.count }

    /// The pair for a combination, and whether it is new (the caller must then define it with
    /// `init_extended_pair`); nil when every pair is taken.
    public mutating func pair(foreground: Int32, background: Int32) -> (number: Int32, isNew: Bool)? {
        // Colours are -1...255, so both fit in 9 bits of one key.
        let key = (foreground + 1) << 9 | (background + 1)
        if let number = pairs[key] { return (number, false) }
        guard pairs.count + 1 < capacity else { return nil }
        let number = Int32(pairs.count + 1)
        pairs[key] = number
        return (number, true)
    }

    /// Forgets every pair, e.g. after a theme change, so numbers are handed out afresh.
    public mutating func reset() {
        pairs.removeAll(keepingCapacity: true)
    }
}
