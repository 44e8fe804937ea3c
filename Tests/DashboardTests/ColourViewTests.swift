@testable import Dashboard
import Datasets
@testable import GAN
import TerminalUI
import Testing

/// Colour data sets on screen: the sample grid and the explorer draw their own colours, as
/// 24-bit colours or the nearest palette colours, and shade characters without colour.
@Suite struct ColourViewTests {
    static let shape = DataShape.image(width: 8, height: 8, channels: 3)

    /// 8×8 colour images, red in the top half and blue in the bottom half, plane by plane.
    static func redOverBlue(count: Int) -> SampleImages {
        let top = [Float](repeating: 1, count: 32), bottom = [Float](repeating: -1, count: 32)
        let image = (top + bottom) + [Float](repeating: -1, count: 64) + (bottom + top)
        return SampleImages(step: 1, shape: shape, count: count, values: Array([[Float]](repeating: image, count: count).joined()))
    }

    static func state(display: DisplayCapabilities) -> AppState {
        var state = AppState(mode: .training, shape: shape, seed: 1, display: display)
        _ = update(&state, .trainer(.started(Fixtures.info(shape: shape))))
        _ = update(&state, .trainer(.samples(redOverBlue(count: 4))))
        let weights = Fixtures.generator(outputs: shape.featureCount)
        Fixtures.render(&state, update(&state, .trainer(.generator(GeneratorSnapshot(step: 1, weights: weights,
                                                                                   shape: shape)))),
                        weights: weights)
        return state
    }

    /// The foreground colours of the half-block cells a panel draws in a 40×10 area.
    static func halfBlockColours(_ panel: (AppState, Palette) -> any Widget, display: DisplayCapabilities)
        -> (lines: [String], colours: Set<Color>)
    {
        let state = state(display: display)
        var grid = CellGrid.filled(width: 40, height: 10, with: " ")
        panel(state, Palette(theme: state.theme, display: display)).render(into: &grid, area: grid.bounds)
        let colours = grid.cells.filter { $0.character == "▀" }.flatMap { [$0.style.foreground, $0.style.background] }
        return (grid.lines(), Set(colours))
    }

    @Test func samplesInDirectColour() {
        let drawn = Self.halfBlockColours({ SamplePanel(state: $0, palette: $1) },
                                          display: DisplayCapabilities(depth: .direct, glyphs: .unicode))
        #expect(drawn.colours == [.direct(red: 255, green: 0, blue: 0), .direct(red: 0, green: 0, blue: 255)])
    }

    @Test func samplesInTheNearestPaletteColours() {
        let drawn = Self.halfBlockColours({ SamplePanel(state: $0, palette: $1) }, display: .full)
        #expect(drawn.colours == [.indexed(196), .indexed(21)])
    }

    @Test func explorerDrawsTheGeneratorsColours() {
        let drawn = Self.halfBlockColours({ ExplorerPanel(state: $0, palette: $1) },
                                          display: DisplayCapabilities(depth: .direct, glyphs: .unicode))
        let direct = drawn.colours.filter { if case .direct = $0 { true } else { false } }
        // A random generator's colours: many, and not all gray.
        #expect(direct.count > 10)
        #expect(direct.contains { colour in colour.rgbValue.map { $0.red != $0.green || $0.green != $0.blue } ?? false })
    }

    /// Without colour the pictures are shade characters by luminance: red (0.3) shows, the
    /// darker blue (0.11) is blank.
    @Test func monochromeShadesByLuminance() {
        let drawn = Self.halfBlockColours({ SamplePanel(state: $0, palette: $1) },
                                          display: DisplayCapabilities(depth: .monochrome, glyphs: .unicode))
        #expect(drawn.colours.isEmpty)
        let pictureRows = drawn.lines.filter { $0.contains("░") }
        #expect(pictureRows.count == 2 && pictureRows[0].filter { $0 == "░" }.count == 32)
    }
}

/// The watch screen draws a run's RGB pictures (`add_image`, `add_images` grids) in colour, as
/// the dashboard draws its samples, and degrades the same way.
@Suite struct WatchColourTests {
    /// A 2×2 RGB picture, interleaved as a PNG decodes: red on the top row, blue on the bottom.
    static func state(display: DisplayCapabilities) -> WatchState {
        var state = WatchState(display: display)
        for case .decode(let key, _) in watchUpdate(&state, .read(WatchTests.poll([WatchTests.picture(step: 1)]))) {
            _ = watchUpdate(&state, .pictureDecoded(WatchPicture(key: key, content: .pixels(
                width: 2, height: 2, channels: 3, bytes: [255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255]))))
        }
        return state
    }

    static func drawn(display: DisplayCapabilities) -> (lines: [String], colours: Set<Color>) {
        let state = state(display: display)
        var grid = CellGrid.filled(width: 20, height: 6, with: " ")
        WatchPicturePanel(state: state, palette: Palette(theme: state.theme, display: display))
            .render(into: &grid, area: grid.bounds)
        let colours = grid.cells.filter { $0.character == "▀" }.flatMap { [$0.style.foreground, $0.style.background] }
        return (grid.lines(), Set(colours))
    }

    @Test func rgbPicturesInDirectAndPaletteColours() {
        #expect(Self.drawn(display: DisplayCapabilities(depth: .direct, glyphs: .unicode)).colours
                    == [.direct(red: 255, green: 0, blue: 0), .direct(red: 0, green: 0, blue: 255)])
        #expect(Self.drawn(display: .full).colours == [.indexed(196), .indexed(21)])
    }

    @Test func withoutColourRgbPicturesShadeByLuminance() {
        let drawn = Self.drawn(display: DisplayCapabilities(depth: .monochrome, glyphs: .ascii))
        #expect(drawn.colours.isEmpty)
        #expect(drawn.lines.joined().unicodeScalars.allSatisfy { $0.isASCII })
        #expect(drawn.lines.contains { $0.contains { "+:.#%*=-@".contains($0) } })
    }
}
