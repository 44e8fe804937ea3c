import Testing
@testable import TerminalUI

@Suite struct ColorTests {
    @Test func greyLevelsHitTheRampAndExactEnds() {
        #expect(Color.grey(0) == .indexed(16))
        #expect(Color.grey(1) == .indexed(231))
        #expect(Color.grey(0.5) == .indexed(244))
        #expect(Color.grey(.nan) == .indexed(16))
    }

    @Test func rgbPicksTheCubeForSaturatedColours() {
        #expect(Color.rgb(red: 255, green: 0, blue: 0) == .indexed(196))
        #expect(Color.rgb(red: 0, green: 0, blue: 255) == .indexed(21))
        #expect(Color.rgb(red: 95, green: 135, blue: 175) == .indexed(67))
    }

    @Test func nearestBasicFoldsThePalette() {
        #expect(Color.indexed(196).nearestBasic == .red)
        #expect(Color.indexed(244).nearestBasic == .white)
        #expect(Color.indexed(233).nearestBasic == .black)
        #expect(Color.indexed(3).nearestBasic == .yellow)
        #expect(Color.default.nearestBasic == .default)
    }

    /// Colours of the colour faces and their nearest palette entries: the cube where it is
    /// close, the grey ramp where the colour is nearly grey (a dark brown is nearer a dark grey
    /// than any cube colour).
    @Test func nearestPaletteColoursOfFaceColours() {
        #expect(Color.rgb(red: 230, green: 180, blue: 150) == .indexed(180))  // light skin: cube (4, 3, 2)
        #expect(Color.rgb(red: 60, green: 38, blue: 20) == .indexed(235))  // dark brown hair: grey 38
        #expect(Color.rgb(red: 128, green: 128, blue: 128) == .indexed(244))  // grey 128 exactly
        #expect(Color.rgb(red: 250, green: 10, blue: 5) == .indexed(196))
        #expect(Color.direct(red: 230, green: 180, blue: 150).nearestIndexed == .indexed(180))
        #expect(Color.indexed(67).nearestIndexed == .indexed(67) && Color.default.nearestIndexed == .default)
    }

    @Test func directColoursKeepTheirValueAndFoldToBasicColours() {
        let red = Color.direct(red: 200, green: 30, blue: 30)
        #expect(red.rgbValue! == (200, 30, 30))
        #expect(red.nearestBasic == .red)
        #expect(Color.direct(red: 20, green: 20, blue: 20).nearestBasic == .black)
    }

    /// The colour depth from terminfo's colour count and `RGB`/`Tc` flags and the environment.
    @Test(arguments: [
        (256, false, [:], ColorDepth.colors256),
        (256, false, ["COLORTERM": "truecolor"], .direct),
        (256, false, ["COLORTERM": "24bit"], .direct),
        (256, false, ["COLORTERM": "TrueColor"], .direct),
        (256, false, ["COLORTERM": "yes"], .colors256),
        (256, true, [:], .direct),  // Tc in a 256-colour entry (tmux, iTerm2)
        (16_777_216, true, [:], .direct),  // xterm-direct: RGB and millions of colours
        (8, false, ["COLORTERM": "truecolor"], .colors8),  // not believed without a palette
        (8, false, [:], .colors8),
        (0, false, ["COLORTERM": "truecolor"], .monochrome),
    ] as [(Int, Bool, [String: String], ColorDepth)])
    func colourDepthDetection(colors: Int, directFlag: Bool, environment: [String: String], expected: ColorDepth) {
        #expect(ColorDepth.detect(colors: colors, directFlag: directFlag, environment: environment) == expected)
    }

    @Test func rampMapsLevelsToIndices() {
        let ramp = ColorRamp.grey
        #expect(ramp.indices.count == 26)
        #expect(ramp.index(at: 0) == 16)
        #expect(ramp.index(at: 1) == 231)
        #expect(ramp.index(at: 2) == 231)
        #expect(ramp.index(at: 0.5) == 244)
    }

    @Test func compactNumbers() {
        #expect(CompactNumber.format(0.693) == "0.69")
        #expect(CompactNumber.format(1.386) == "1.39")
        #expect(CompactNumber.format(12.34) == "12.3")
        #expect(CompactNumber.format(340.2) == "340")
        #expect(CompactNumber.format(1234) == "1.2k")
        #expect(CompactNumber.format(12_345) == "12k")
        #expect(CompactNumber.format(3_400_000) == "3.4M")
        #expect(CompactNumber.format(-0.5) == "-0.50")
        #expect(CompactNumber.format(0) == "0.00")
        #expect(CompactNumber.format(0.0012) == "1.2e-3")
    }
}
