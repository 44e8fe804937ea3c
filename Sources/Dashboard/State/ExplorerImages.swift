/// The generator's outputs for an ``ExplorerRequest``: the current point, then the strip.
public struct ExplorerImages: Sendable, Equatable {
    public var requestID: Int
    /// Floats per output: pixels of one image, or 2 for a point.
    public var features: Int
    /// (rows, features), row-major, in the request's order.
    public var values: [Float]

    public init(requestID: Int, features: Int, values: [Float]) {
        self.requestID = requestID
        self.features = features
        self.values = values
    }

    public var rows: Int { features > 0 ? values.count / features : 0 }

    /// The output for the current latent point.
    public var current: ArraySlice<Float> { row(0) }

    /// The strip's frames, from A to B.
    public var frames: [ArraySlice<Float>] { rows > 1 ? (1..<rows).map(row) : [] }

    public func row(_ index: Int) -> ArraySlice<Float> {
        values[(index * features)..<((index + 1) * features)]
    }
}
