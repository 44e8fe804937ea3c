/// What one sample of a ``Dataset`` is: an image (gray or colour) or a point in the plane.
public enum DataShape: Sendable, Equatable {
    /// An image of `channels` planes (1 gray, 3 red-green-blue), values in [-1, 1]. Stored as
    /// PyTorch's NCHW stores one sample: plane after plane, each row-major, top-left pixel first,
    /// so a row of a batch is exactly what a `Conv2d` expects and what `torch.Tensor.view(C, H, W)`
    /// reads back.
    case image(width: Int, height: Int, channels: Int = 1)
    /// A 2-D point `(x, y)` in its natural coordinates (not scaled to [-1, 1]).
    case points

    /// How many floats one sample takes: `channels * width * height` for an image, 2 for a point.
    public var featureCount: Int {
        switch self {
        case .image(let width, let height, let channels): channels * width * height
        case .points: 2
        }
    }

    /// Colour planes per sample: 1 or 3 for images, 0 for points.
    public var channels: Int {
        switch self {
        case .image(_, _, let channels): channels
        case .points: 0
        }
    }
}
