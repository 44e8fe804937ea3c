import TerminalUI

/// A theme turned into ready styles for one terminal: every style carries the theme's
/// background, and a monochrome theme (or terminal) gets attributes instead of colours.
struct Palette {
    let depth: ColorDepth
    let glyphs: Glyphs
    let base: Style
    let text: Style
    let muted: Style
    let border: Style
    let focusBorder: Style
    let title: Style
    let generator: Style
    let discriminator: Style
    let real: Style
    let fake: Style
    let warning: Style
    let error: Style
    let statusBar: Style
    let imageRamp: ColorRamp
    let surfaceRamp: ColorRamp

    init(theme: Theme, display: DisplayCapabilities) {
        glyphs = display.glyphs
        imageRamp = theme.imageRamp
        surfaceRamp = theme.surfaceRamp
        let colourless = theme.monochrome || display.depth == .monochrome
        depth = colourless ? .monochrome : display.depth
        if colourless {
            base = .plain
            text = .plain
            muted = Style(dim: true)
            border = Style(dim: true)
            focusBorder = Style(bold: true)
            title = Style(bold: true)
            generator = Style(bold: true)
            discriminator = .plain
            real = Style(bold: true)
            fake = .plain
            warning = Style(bold: true)
            error = Style(bold: true, reverse: true)
            statusBar = Style(reverse: true)
            return
        }
        let base = Style(foreground: theme.text, background: theme.background)
        self.base = base
        text = base
        muted = base.foreground(theme.muted)
        border = base.foreground(theme.border)
        focusBorder = base.foreground(theme.accent).bolded
        title = base.foreground(theme.accent)
        generator = base.foreground(theme.generatorLine)
        discriminator = base.foreground(theme.discriminatorLine)
        real = base.foreground(theme.real)
        fake = base.foreground(theme.fake)
        warning = base.foreground(theme.warning).bolded
        error = Style(foreground: theme.background == .default ? .black : theme.background,
                      background: theme.fake, bold: true)
        statusBar = base.reversed
    }

    /// `unicode` when the locale can show it, else `ascii` (arrows, separators, ½ …).
    func text(_ unicode: String, ascii: String) -> String { glyphs.hasBrailleAndBlocks ? unicode : ascii }

    /// The separator between fields of a line: `│` or `|`.
    var separator: String { " \(glyphs.vertical) " }

    /// The separator between words of a title or a hint: `·` or `-`.
    var dot: String { text(" · ", ascii: " - ") }

    /// Glyphs for scatter plots: without colour, braille dots of two series look alike, so each
    /// series gets its own mark, one per cell.
    var scatterGlyphs: Glyphs {
        guard depth == .monochrome, glyphs.hasBrailleAndBlocks else { return glyphs }
        var marks = glyphs
        marks.hasBrailleAndBlocks = false
        return marks
    }
}
