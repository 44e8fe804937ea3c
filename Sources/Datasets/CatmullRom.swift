/// Smooth curves through control points (uniform Catmull–Rom splines), sampled as polylines.
enum CatmullRom {
    /// A polyline through every point of `points`, with `steps` segments between neighbours.
    ///
    /// Open curves repeat their end points as the missing neighbours; closed ones (first point
    /// equal to the last) wrap around, so the join is as smooth as the rest.
    static func sample(_ points: [SIMD2<Float>], closed: Bool, steps: Int = 5) -> [SIMD2<Float>] {
        guard points.count > 2 else { return points }  // a straight stroke needs no smoothing
        let n = points.count
        func point(_ i: Int) -> SIMD2<Float> {
            if closed {
                // The last point duplicates the first, so the loop has n - 1 distinct points.
                return points[((i % (n - 1)) + (n - 1)) % (n - 1)]
            }
            return points[min(max(i, 0), n - 1)]
        }
        var result = [points[0]]
        result.reserveCapacity((n - 1) * steps + 1)
        for i in 0..<(n - 1) {
            let (p0, p1, p2, p3) = (point(i - 1), point(i), point(i + 1), point(i + 2))
            for step in 1...steps {
                let t = Float(step) / Float(steps)
                let t2 = t * t, t3 = t2 * t
                let a = 2 * p1
                let b = (p2 - p0) * t
                let c = (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2
                let d = (3 * p1 - p0 - 3 * p2 + p3) * t3
                result.append(0.5 * (a + b + c + d))
            }
        }
        return result
    }
}
