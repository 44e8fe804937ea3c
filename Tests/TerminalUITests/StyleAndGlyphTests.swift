import Testing
@testable import TerminalUI

@Suite struct StyleAndGlyphTests {
    @Test func styleBuilders() {
        let style = Style.plain.foreground(.red).background(.indexed(236)).bolded.dimmed.reversed
        #expect(style == Style(foreground: .red, background: .indexed(236), bold: true, dim: true, reverse: true))
    }

    @Test func glyphSetFollowsTheLocale() {
        #expect(Glyphs.forLocale(isUTF8: true) == .unicode)
        #expect(Glyphs.forLocale(isUTF8: false) == .ascii)
        #expect(Glyphs.ascii.shade(1) == "@")
        #expect(Glyphs.unicode.shade(0.5) == "▒")
        #expect(Glyphs.ascii.plotMark(5) == "+")
        let everyAsciiGlyph = Glyphs.ascii.shadeRamp + Glyphs.ascii.barEighths + Glyphs.ascii.plotMarks
            + [Glyphs.ascii.topLeft, Glyphs.ascii.vertical, Glyphs.ascii.sliderMarker, Glyphs.ascii.legendMark]
        #expect(everyAsciiGlyph.allSatisfy { $0.isASCII })
    }

    @Test func pasteCopiesAGridClipped() {
        var target = CellGrid.filled(width: 4, height: 2)
        let source = CellGrid.filled(width: 3, height: 3, with: "o")
        target.paste(source, at: 2, 1)
        #expect(target.lines() == ["xxxx", "xxoo"])
    }
}
