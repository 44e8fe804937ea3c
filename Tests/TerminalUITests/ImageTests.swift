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

    @Test func emptyOrMismatchedImagesDrawNothing() {
        var grid = CellGrid.filled(width: 2, height: 1)
        HalfBlockImage(pixels: [0], width: 2, height: 2, depth: .colors256, glyphs: .unicode)
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
