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
