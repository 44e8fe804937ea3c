import Datasets

extension Dataset {
    /// For 2-D sets, a square view around the data with a margin (nil for images), so plots of
    /// real points, fakes and D's surface share one frame.
    public var pointBounds: (x: ClosedRange<Float>, y: ClosedRange<Float>)? {
        guard case .points = shape, count > 0 else { return nil }
        var extent: Float = 0
        for value in samples { extent = max(extent, abs(value)) }
        let half = extent * 1.15 + 0.1
        return (-half...half, -half...half)
    }
}
