/// What one sample of a ``Dataset`` is: a grayscale image or a point in the plane.
public enum DataShape: Sendable, Equatable {
    /// A grayscale image, stored row-major, top-left pixel first, values in [-1, 1].
    case image(width: Int, height: Int)
    /// A 2-D point `(x, y)` in its natural coordinates (not scaled to [-1, 1]).
    case points

    /// How many floats one sample takes: `width * height` for an image, 2 for a point.
    public var featureCount: Int {
        switch self {
        case .image(let width, let height): width * height
        case .points: 2
        }
    }
}
