/// A colour: red, green and blue in [0, 1]. A gray has all three the same, and a gray drawn on
/// a canvas stays exactly gray, since every operation works on the three alike.
typealias RGB = SIMD3<Float>

/// A small colour raster with antialiased shape drawing, values in [0, 1].
///
/// Shapes are drawn from signed distances: a pixel whose centre lies `d` pixels inside the edge
/// gets coverage `0.5 + d`, clamped to [0, 1], which gives a one-pixel soft edge without
/// supersampling. Shapes are given in the coordinates of `frame` and composited "over" what is
/// already drawn; each one touches only the pixels of its bounding box, which keeps the
/// generators fast.
struct Canvas {
    let width: Int
    let height: Int
    /// Row-major colours, (0, 0, 0) black, (1, 1, 1) white.
    private(set) var pixels: [RGB]
    /// Where the next shapes are placed on the pixel grid.
    var frame = Frame(origin: .zero)
    /// Per-pixel distances for the stroke being drawn; kept to avoid an allocation per stroke.
    private var distances: [Float]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = [RGB](repeating: .zero, count: width * height)
        distances = [Float](repeating: 0, count: width * height)
    }

    mutating func clear(to colour: RGB) {
        for i in pixels.indices { pixels[i] = colour }
    }

    /// Fills an axis-aligned (in frame coordinates) ellipse, keeping only its part above `clipY`
    /// when given (the part with y < clipY, as y points down).
    mutating func fillEllipse(center: SIMD2<Float>, radii: SIMD2<Float>, colour: RGB,
                              clipY: Float = .infinity) {
        let box = pixelBox(around: center, radius: max(radii.x, radii.y))
        for y in box.rows {
            for x in box.columns {
                let p = frame.toLocal(SIMD2(Float(x) + 0.5, Float(y) + 0.5))
                let d = max(Self.ellipseDistance(p - center, radii: radii), p.y - clipY)
                blend(at: y * width + x, coverage: 0.5 - d, colour: colour)
            }
        }
    }

    /// Draws a polyline with round caps and joins, `radius` pixels from its centre line.
    mutating func stroke(_ points: [SIMD2<Float>], radius: Float, colour: RGB) {
        guard let first = points.first else { return }
        let pixelPoints = points.map(frame.toPixel)
        var low = frame.toPixel(first), high = low
        for p in pixelPoints {
            low = pointwiseMin(low, p)
            high = pointwiseMax(high, p)
        }
        let stroke = pixelBox(low: low - radius, high: high + radius)
        for y in stroke.rows {
            for x in stroke.columns { distances[y * width + x] = .infinity }
        }
        // The distance to a polyline is the least distance to its segments; each segment
        // updates only its own box, so long strokes cost little.
        let segments = pixelPoints.count == 1 ? [(low, low)] : Array(zip(pixelPoints, pixelPoints.dropFirst()))
        for (a, b) in segments {
            let box = pixelBox(low: pointwiseMin(a, b) - radius, high: pointwiseMax(a, b) + radius)
            for y in box.rows {
                for x in box.columns {
                    let d = Self.segmentDistance(SIMD2(Float(x) + 0.5, Float(y) + 0.5), a, b)
                    distances[y * width + x] = min(distances[y * width + x], d)
                }
            }
        }
        for y in stroke.rows {
            for x in stroke.columns {
                let i = y * width + x
                blend(at: i, coverage: 0.5 + radius - distances[i], colour: colour)
            }
        }
    }

    private mutating func blend(at index: Int, coverage: Float, colour: RGB) {
        let alpha = min(max(coverage, 0), 1)
        pixels[index] += alpha * (colour - pixels[index])
    }

    /// The pixels a shape of `radius` around the local point `center` can touch.
    private func pixelBox(around center: SIMD2<Float>, radius: Float) -> (rows: Range<Int>, columns: Range<Int>) {
        let c = frame.toPixel(center)
        return pixelBox(low: c - radius, high: c + radius)
    }

    /// The pixels whose centres lie in the box, widened by one pixel for the soft edge.
    private func pixelBox(low: SIMD2<Float>, high: SIMD2<Float>) -> (rows: Range<Int>, columns: Range<Int>) {
        func span(_ from: Float, _ to: Float, _ limit: Int) -> Range<Int> {
            let start = max(0, Int((from - 1).rounded(.down)))
            let end = min(limit, Int((to + 1).rounded(.up)))
            return start < end ? start..<end : 0..<0
        }
        return (span(low.y, high.y, height), span(low.x, high.x, width))
    }

    /// An approximate signed distance to an ellipse at the origin: exact on the edge and on the
    /// axes, close elsewhere, and far cheaper than the exact quartic solution.
    static func ellipseDistance(_ p: SIMD2<Float>, radii: SIMD2<Float>) -> Float {
        let k0 = (p / radii).length
        let k1 = (p / (radii * radii)).length
        guard k1 > 0 else { return -min(radii.x, radii.y) }  // the centre: deepest inside
        return k0 * (k0 - 1) / k1
    }

    /// The distance from `p` to the segment from `a` to `b`.
    static func segmentDistance(_ p: SIMD2<Float>, _ a: SIMD2<Float>, _ b: SIMD2<Float>) -> Float {
        let ab = b - a, ap = p - a
        let lengthSquared = (ab * ab).sum()
        let t = lengthSquared > 0 ? min(max((ap * ab).sum() / lengthSquared, 0), 1) : 0
        return (ap - t * ab).length
    }
}

extension SIMD2<Float> {
    /// The Euclidean length.
    var length: Float { (self * self).sum().squareRoot() }
}
