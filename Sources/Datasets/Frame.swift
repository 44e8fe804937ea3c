import Foundation

/// A rigid placement of drawing coordinates on the pixel grid: rotate by `angle`, then move the
/// origin to `origin` (pixel units, y pointing down).
///
/// Generators draw a face or a digit in its own coordinates and vary only the frame to tilt or
/// shift the whole picture.
struct Frame {
    let origin: SIMD2<Float>
    private let cosine: Float
    private let sine: Float

    init(origin: SIMD2<Float>, angle: Float = 0) {
        self.origin = origin
        cosine = cos(angle)
        sine = sin(angle)
    }

    /// Where the local point `p` lands on the pixel grid.
    func toPixel(_ p: SIMD2<Float>) -> SIMD2<Float> {
        origin + SIMD2(cosine * p.x - sine * p.y, sine * p.x + cosine * p.y)
    }

    /// The local point that lands on pixel position `q`.
    func toLocal(_ q: SIMD2<Float>) -> SIMD2<Float> {
        let d = q - origin
        return SIMD2(cosine * d.x + sine * d.y, -sine * d.x + cosine * d.y)
    }
}
