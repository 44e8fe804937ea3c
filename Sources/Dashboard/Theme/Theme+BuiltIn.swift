import TerminalUI

extension Theme {
    /// The dark default, compiled in so the program works with no themes folder; the same
    /// values as `themes/default.toml` (a test keeps the two equal).
    public static let builtInDefault = Theme(
        name: "default", background: .default, text: .indexed(252), muted: .indexed(244),
        border: .indexed(240), accent: .indexed(45), generatorLine: .indexed(214),
        discriminatorLine: .indexed(39), real: .indexed(78), fake: .indexed(204), warning: .indexed(220),
        imageRamp: .grey,
        surfaceRamp: ColorRamp(indices: [52, 88, 124, 131, 137, 143, 108, 72, 36, 29, 22]))
}
