/// The history slider's moves, shared by the dashboard and the watch screen: `[` `]` one
/// picture back and forward, `{` `}` ten.
enum Scrubbing {
    /// How far a key moves, nil for other keys.
    static func offset(for key: KeyPress) -> Int? {
        switch key {
        case .char("["): -1
        case .char("]"): 1
        case .char("{"): -10
        case .char("}"): 10
        default: nil
        }
    }

    /// The position `offset` pictures from `current` among `count` (nil: following the newest,
    /// so the first move starts there), kept inside the pictures.
    static func move(from current: Int?, by offset: Int, count: Int) -> Int {
        let from = min(current ?? count - 1, count - 1)
        return max(0, min(count - 1, from + offset))
    }
}
