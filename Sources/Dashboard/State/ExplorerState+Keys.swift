extension ExplorerState {
    /// The explorer's keys, the same in the training dashboard and the watch screen: ← → walk
    /// from A to B, ↑ ↓ choose a dimension, + - nudge it, a b make the current point an endpoint,
    /// r draws new endpoints, l switches lerp and slerp. False for any other key (nothing changed).
    mutating func handle(_ key: KeyPress) -> Bool {
        switch key {
        case .left: moveT(by: -Self.tStep)
        case .right: moveT(by: Self.tStep)
        case .up: selectDimension(by: -1)
        case .down: selectDimension(by: 1)
        case .char("+"), .char("="): nudgeDimension(by: Self.nudgeStep)
        case .char("-"), .char("_"): nudgeDimension(by: -Self.nudgeStep)
        case .char("a"): setEndpointToCurrent(.a)
        case .char("b"): setEndpointToCurrent(.b)
        case .char("r"): drawNewEndpoints()
        case .char("l"): toggleInterpolation()
        default: return false
        }
        return true
    }

    /// Whether `key` moves the latent point (choosing a dimension changes no image).
    static func movesPoint(_ key: KeyPress) -> Bool { key != .up && key != .down }
}
