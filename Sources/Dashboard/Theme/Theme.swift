import TerminalUI

/// The colours of the dashboard by role, read from `themes/NAME.toml` (see ``Theme/parse(toml:file:)``).
///
/// Colours are xterm-256 indices or the terminal's default; terminals with 8 colours get the
/// nearest basic colour from the backend. A `monochrome` theme uses no colour at all: emphasis
/// comes from bold and dim, and images and heat maps from shading characters.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var monochrome: Bool
    public var background: Color
    public var text: Color
    /// Labels, axes and faint lines.
    public var muted: Color
    public var border: Color
    /// The focused panel's border and titles.
    public var accent: Color
    public var generatorLine: Color
    public var discriminatorLine: Color
    public var real: Color
    public var fake: Color
    public var warning: Color
    /// Dark to light, for generated images.
    public var imageRamp: ColorRamp
    /// Low to high D(x), for the decision surface behind 2-D points.
    public var surfaceRamp: ColorRamp

    public init(name: String, monochrome: Bool = false, background: Color, text: Color, muted: Color,
                border: Color, accent: Color, generatorLine: Color, discriminatorLine: Color, real: Color,
                fake: Color, warning: Color, imageRamp: ColorRamp, surfaceRamp: ColorRamp) {
        self.name = name
        self.monochrome = monochrome
        self.background = background
        self.text = text
        self.muted = muted
        self.border = border
        self.accent = accent
        self.generatorLine = generatorLine
        self.discriminatorLine = discriminatorLine
        self.real = real
        self.fake = fake
        self.warning = warning
        self.imageRamp = imageRamp
        self.surfaceRamp = surfaceRamp
    }
}
