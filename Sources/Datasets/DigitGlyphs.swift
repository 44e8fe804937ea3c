/// The pen strokes of the digits 0–9 in a unit box (x right, y down, both 0…1).
///
/// Each stroke is a list of control points that a Catmull–Rom spline passes through, so curves
/// need few points; a sharp corner is where one stroke ends and the next begins. A stroke whose
/// last point equals its first is a closed loop and is smoothed across the join.
enum DigitGlyphs {
    typealias Stroke = [SIMD2<Float>]

    static func strokes(of digit: Int) -> [Stroke] {
        table[digit]
    }

    private static let table: [[Stroke]] = [
        // 0: one oval loop
        [[p(0.5, 0.02), p(0.15, 0.28), p(0.14, 0.7), p(0.5, 0.98), p(0.86, 0.7), p(0.85, 0.28), p(0.5, 0.02)]],
        // 1: a short flag and a long downstroke
        [[p(0.3, 0.22), p(0.58, 0.02)], [p(0.58, 0.02), p(0.52, 0.98)]],
        // 2: hook, diagonal, base
        [[p(0.12, 0.28), p(0.32, 0.05), p(0.65, 0.04), p(0.85, 0.27), p(0.68, 0.55), p(0.1, 0.97)],
         [p(0.1, 0.97), p(0.92, 0.95)]],
        // 3: two bowls meeting in the middle
        [[p(0.12, 0.15), p(0.45, 0.02), p(0.8, 0.15), p(0.75, 0.38), p(0.4, 0.5)],
         [p(0.4, 0.5), p(0.85, 0.63), p(0.82, 0.88), p(0.45, 0.98), p(0.1, 0.85)]],
        // 4: diagonal, crossbar, stem
        [[p(0.62, 0.02), p(0.08, 0.68)], [p(0.08, 0.68), p(0.92, 0.68)], [p(0.7, 0.3), p(0.68, 0.98)]],
        // 5: top bar, short stem, open bowl
        [[p(0.85, 0.03), p(0.25, 0.03)], [p(0.25, 0.03), p(0.2, 0.45)],
         [p(0.2, 0.45), p(0.55, 0.37), p(0.86, 0.6), p(0.76, 0.9), p(0.4, 0.98), p(0.1, 0.86)]],
        // 6: a sweep down the left into a loop
        [[p(0.78, 0.05), p(0.42, 0.1), p(0.18, 0.45), p(0.18, 0.78), p(0.45, 0.98), p(0.8, 0.86),
          p(0.8, 0.6), p(0.5, 0.48), p(0.2, 0.62)]],
        // 7: top bar and a long diagonal
        [[p(0.08, 0.04), p(0.92, 0.04)], [p(0.92, 0.04), p(0.62, 0.5), p(0.42, 0.98)]],
        // 8: a figure of eight crossing in the middle
        [[p(0.5, 0.48), p(0.2, 0.28), p(0.3, 0.06), p(0.5, 0.02), p(0.72, 0.07), p(0.8, 0.28), p(0.5, 0.48),
          p(0.16, 0.72), p(0.28, 0.94), p(0.5, 0.98), p(0.75, 0.93), p(0.84, 0.7), p(0.5, 0.48)]],
        // 9: a loop on a stem
        [[p(0.82, 0.3), p(0.6, 0.05), p(0.3, 0.06), p(0.16, 0.3), p(0.36, 0.52), p(0.66, 0.47), p(0.82, 0.3)],
         [p(0.82, 0.3), p(0.76, 0.65), p(0.64, 0.98)]],
    ]

    private static func p(_ x: Float, _ y: Float) -> SIMD2<Float> { SIMD2(x, y) }
}
