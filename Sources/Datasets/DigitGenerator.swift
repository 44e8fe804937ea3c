import Randomness

/// Draws synthetic handwritten-style digits 0–9, 28×28 like MNIST, labelled by digit.
///
/// Each digit's strokes (``DigitGlyphs``) are jittered point by point, then slanted, scaled,
/// squeezed and shifted as a whole, smoothed by a Catmull–Rom spline and drawn with a random pen
/// width, so no two are alike but each stays readable.
enum DigitGenerator {
    static let size = 28
    static let defaultCount = 20_000

    static func makeDataset(count: Int, seed: UInt64, split: DataSplit) -> Dataset {
        let synthesis = ImageSynthesis(width: size, height: size, classNames: (0...9).map(String.init),
                                       family: 2, noise: 0.01)
        return synthesis.generate(name: "digits", count: count, seed: seed, split: split) { digit, rng, canvas in
            draw(digit, rng: &rng, on: &canvas)
        }
    }

    static func draw(_ digit: Int, rng: inout SeededRNG, on canvas: inout Canvas) {
        canvas.clear(to: .zero)
        // Like MNIST, the glyph fills about 20 pixels of height in the middle of the frame.
        let height = 19 * rng.uniform(0.85, 1.05)
        let width = height * rng.uniform(0.55, 0.8)
        let slant = rng.uniform(-0.15, 0.35)  // rightward lean is the common hand
        let offset = SIMD2(rng.uniform(-1.2, 1.2), rng.uniform(-1.2, 1.2))
        canvas.frame = Frame(origin: SIMD2(repeating: Float(size) / 2) + offset, angle: rng.uniform(-0.1, 0.1))
        let penRadius = rng.uniform(0.8, 1.6)
        let wobble: Float = 0.035
        for stroke in DigitGlyphs.strokes(of: digit) {
            let placed = stroke.map { point in
                let jittered = point + wobble * SIMD2(rng.gaussian(), rng.gaussian())
                let centred = (jittered - 0.5) * SIMD2(width, height)
                return SIMD2(centred.x - slant * centred.y, centred.y)
            }
            canvas.stroke(CatmullRom.sample(placed, closed: stroke.first == stroke.last && stroke.count > 2),
                          radius: penRadius, colour: RGB(repeating: 1))
        }
    }
}
