extension DecodedImage {
    /// The largest centred square of the image, resized to `side`×`side` by area averaging: each
    /// output pixel is the mean of the source area it covers, partly covered source pixels
    /// weighted by the part covered. Shrinking this way does not alias; enlarging (a source
    /// smaller than `side`) repeats pixels. When the square does not fit exactly, the extra
    /// column or row is dropped on the right or bottom.
    ///
    /// `side` must be positive (the caller's option check guarantees it).
    public func centreSquare(side: Int) -> DecodedImage {
        precondition(side > 0, "side must be positive")
        let crop = min(width, height)
        let left = (width - crop) / 2, top = (height - crop) / 2
        let taps = AreaTaps.taps(source: crop, target: side)

        // Rows first: `crop` rows of `side` pixels, then columns: `side` rows of `side`.
        var across = [Float](repeating: 0, count: crop * side * channels)
        for y in 0..<crop {
            let sourceRow = ((top + y) * width + left) * channels
            for (x, tap) in taps.enumerated() {
                for c in 0..<channels {
                    var sum: Float = 0
                    for (k, weight) in tap.weights.enumerated() {
                        sum += weight * Float(pixels[sourceRow + (tap.first + k) * channels + c])
                    }
                    across[(y * side + x) * channels + c] = sum
                }
            }
        }
        var result = [UInt8](repeating: 0, count: side * side * channels)
        for (y, tap) in taps.enumerated() {
            for x in 0..<side * channels {
                var sum: Float = 0
                for (k, weight) in tap.weights.enumerated() {
                    sum += weight * across[(tap.first + k) * side * channels + x]
                }
                result[y * side * channels + x] = UInt8(min(255, max(0, sum.rounded())))
            }
        }
        return DecodedImage(checkedWidth: side, height: side, channels: channels, pixels: result)
    }
}

/// Which source pixels, with which weights, make up each output pixel along one axis.
struct AreaTaps: Equatable {
    /// The first source pixel covered.
    let first: Int
    /// The share of each covered source pixel, from `first` on; they sum to 1.
    let weights: [Float]

    /// The taps of `target` output pixels covering `source` input pixels. In units of
    /// 1/`target` of a source pixel, source pixel j spans [j·target, (j+1)·target) and output
    /// pixel i spans [i·source, (i+1)·source), so the overlaps are exact integers.
    static func taps(source: Int, target: Int) -> [AreaTaps] {
        (0..<target).map { i in
            let start = i * source, end = (i + 1) * source
            let first = start / target, last = (end - 1) / target
            let weights = (first...last).map { j in
                Float(min(end, (j + 1) * target) - max(start, j * target)) / Float(source)
            }
            return AreaTaps(first: first, weights: weights)
        }
    }
}
