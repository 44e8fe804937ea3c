import Testing
@testable import TerminalUI

@Suite struct ImageTests {
    private let checker: [Float] = [-1, 1, 1, -1]

    @Test func halfBlocksPutTopInForegroundAndBottomInBackground() {
        var grid = CellGrid.filled(width: 2, height: 1)
        HalfBlockImage(pixels: checker, width: 2, height: 2, depth: .colors256, glyphs: .unicode)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == ["▀▀"])
        #expect(grid[0, 0].style == Style(foreground: .indexed(16), background: .indexed(231)))
        #expect(grid[1, 0].style == Style(foreground: .indexed(231), background: .indexed(16)))
    }

    @Test func scalesUpWithNearestPixelsAndCentres() {
        var grid = CellGrid.filled(width: 6, height: 2)
        let image = HalfBlockImage(pixels: checker, width: 2, height: 2, depth: .colors256, glyphs: .unicode)
        image.render(into: &grid, area: grid.bounds)
        #expect(image.scaledSize(in: grid.bounds) == (4, 4))
        #expect(grid.lines() == ["x▀▀▀▀x", "x▀▀▀▀x"])
        #expect(grid[1, 0].style == Style(foreground: .indexed(16), background: .indexed(16)))
        #expect(grid[1, 1].style == Style(foreground: .indexed(231), background: .indexed(231)))
        #expect(grid[4, 1].style == Style(foreground: .indexed(16), background: .indexed(16)))
    }

    @Test func boxFilterAveragesWhenShrinking() {
        let stripes: [Float] = [-1, 1, -1, 1, -1, 1, -1, 1]
        var boxed = CellGrid.filled(width: 2, height: 1)
        HalfBlockImage(pixels: stripes, width: 4, height: 2, scaling: .box, depth: .colors256, glyphs: .unicode)
            .render(into: &boxed, area: boxed.bounds)
        #expect(boxed[0, 0].style == Style(foreground: .indexed(244)))
        var nearest = CellGrid.filled(width: 2, height: 1)
        HalfBlockImage(pixels: stripes, width: 4, height: 2, depth: .colors256, glyphs: .unicode)
            .render(into: &nearest, area: nearest.bounds)
        #expect(nearest[0, 0].style == Style(foreground: .indexed(231)))
    }

    @Test func fallbackShadesTheAverageOfTwoPixels() {
        let ramp: [Float] = [-1, -0.5, 0.5, 1, -1, -0.5, 0.5, 1]
        var ascii = CellGrid.filled(width: 4, height: 1)
        HalfBlockImage(pixels: ramp, width: 4, height: 2, depth: .monochrome, glyphs: .ascii)
            .render(into: &ascii, area: ascii.bounds)
        #expect(ascii.lines() == [" :#@"])
        #expect(ascii[3, 0].style == .plain)

        var eight = CellGrid.filled(width: 4, height: 1)
        HalfBlockImage(pixels: ramp, width: 4, height: 2, depth: .colors8, glyphs: .unicode)
            .render(into: &eight, area: eight.bounds)
        #expect(eight.lines() == [" ░▓█"])
        #expect(eight[0, 0].style.dim && eight[1, 0].style.dim)
        #expect(eight[2, 0].style.bold && eight[3, 0].style.bold)
    }

    @Test func asciiWith256ColoursTintsTheShade() {
        var grid = CellGrid.filled(width: 1, height: 1)
        HalfBlockImage(pixels: [1, 1], width: 1, height: 2, depth: .colors256, glyphs: .ascii)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == ["@"])
        #expect(grid[0, 0].style.foreground == .indexed(231))
    }

    /// A 1×2 colour image, plane by plane: red on top, blue below.
    private let redOverBlue: [Float] = [1, -1, /* green */ -1, -1, /* blue */ -1, 1]

    @Test func colourImagesUseDirectColourWhereTheTerminalHasIt() {
        var grid = CellGrid.filled(width: 1, height: 1)
        HalfBlockImage(pixels: redOverBlue, width: 1, height: 2, channels: 3, depth: .direct, glyphs: .unicode)
            .render(into: &grid, area: grid.bounds)
        #expect(grid.lines() == ["▀"])
        #expect(grid[0, 0].style == Style(foreground: .direct(red: 255, green: 0, blue: 0),
                                          background: .direct(red: 0, green: 0, blue: 255)))
    }

    @Test func colourImagesTakeTheNearestPaletteColourIn256Colours() {
        var grid = CellGrid.filled(width: 1, height: 1)
        HalfBlockImage(pixels: redOverBlue, width: 1, height: 2, channels: 3, depth: .colors256, glyphs: .unicode)
            .render(into: &grid, area: grid.bounds)
        #expect(grid[0, 0].style == Style(foreground: .indexed(196), background: .indexed(21)))
        // A skin tone (230, 180, 150) as values in -1...1, over a mid grey.
        let skin: [Float] = [230, 128, 180, 128, 150, 128].map { $0 / 127.5 - 1 }
        HalfBlockImage(pixels: skin, width: 1, height: 2, channels: 3, depth: .colors256, glyphs: .unicode)
            .render(into: &grid, area: grid.bounds)
        #expect(grid[0, 0].style == Style(foreground: .indexed(180), background: .indexed(244)))
    }

    /// Gray images keep the theme's ramp even where 24-bit colour is available.
    @Test func grayImagesKeepTheirRampInDirectColour() {
        var grid = CellGrid.filled(width: 2, height: 1)
        let green = ColorRamp(indices: [22, 28, 34, 40, 46])
        HalfBlockImage(pixels: checker, width: 2, height: 2, ramp: green, depth: .direct, glyphs: .unicode)
            .render(into: &grid, area: grid.bounds)
        #expect(grid[0, 0].style == Style(foreground: .indexed(22), background: .indexed(46)))
    }

    /// Without colour a colour image shades by luminance; with 8 colours the shade is tinted with
    /// the nearest basic colour; ASCII in 256 colours tints with the nearest palette colour.
    @Test func colourImagesShadeByLuminanceWhereColourIsScarce() {
        // Left cell white, right cell pure red: luminance 1 and 0.299.
        let pixels: [Float] = [1, 1, 1, 1, /* green */ 1, -1, 1, -1, /* blue */ 1, -1, 1, -1]
        var mono = CellGrid.filled(width: 2, height: 1)
        HalfBlockImage(pixels: pixels, width: 2, height: 2, channels: 3, depth: .monochrome, glyphs: .unicode)
            .render(into: &mono, area: mono.bounds)
        #expect(mono.lines() == ["█░"])
        #expect(mono[1, 0].style == .plain)

        var eight = CellGrid.filled(width: 2, height: 1)
        HalfBlockImage(pixels: pixels, width: 2, height: 2, channels: 3, depth: .colors8, glyphs: .unicode)
            .render(into: &eight, area: eight.bounds)
        #expect(eight.lines() == ["█░"])
        #expect(eight[0, 0].style.foreground == .indexed(15).nearestBasic && eight[1, 0].style.foreground == .red)

        var ascii = CellGrid.filled(width: 2, height: 1)
        HalfBlockImage(pixels: pixels, width: 2, height: 2, channels: 3, depth: .colors256, glyphs: .ascii)
            .render(into: &ascii, area: ascii.bounds)
        #expect(ascii.lines() == ["@-"])
        #expect(ascii[1, 0].style.foreground == .indexed(196))
    }

    @Test func emptyOrMismatchedImagesDrawNothing() {
        var grid = CellGrid.filled(width: 2, height: 1)
        HalfBlockImage(pixels: [0], width: 2, height: 2, depth: .colors256, glyphs: .unicode)
            .render(into: &grid, area: grid.bounds)
        HalfBlockImage(pixels: checker, width: 2, height: 2, channels: 3, depth: .colors256, glyphs: .unicode)
            .render(into: &grid, area: grid.bounds)
        HalfBlockImage(pixels: checker, width: 2, height: 2, depth: .colors256, glyphs: .unicode)
            .render(into: &grid, area: Rect(width: 0, height: 1))
        #expect(grid.lines() == ["xx"])
    }

    @Test func gridCapacityAndSlots() {
        let area = Rect(width: 100, height: 30)
        #expect(HalfBlockImage.gridCapacity(imageWidth: 28, imageHeight: 28, in: area) == (3, 2))
        #expect(HalfBlockImage.gridCapacity(imageWidth: 28, imageHeight: 28, in: Rect(width: 27, height: 30)) == (0, 2))
        let slots = HalfBlockImage.gridSlots(imageWidth: 28, imageHeight: 28, in: area, count: 4)
        #expect(slots == [Rect(x: 7, y: 0, width: 28, height: 14), Rect(x: 36, y: 0, width: 28, height: 14),
                          Rect(x: 65, y: 0, width: 28, height: 14), Rect(x: 7, y: 15, width: 28, height: 14)])
    }
}
