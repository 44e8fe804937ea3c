/// The data rectangle shared by the real points, the fakes and D's surface of a 2-D data set.
public struct PlotBounds: Sendable, Equatable {
    public var x: ClosedRange<Float>
    public var y: ClosedRange<Float>

    public init(x: ClosedRange<Float>, y: ClosedRange<Float>) {
        self.x = x
        self.y = y
    }
}
