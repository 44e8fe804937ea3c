import Testing
import TerminalUI

/// Text broken into rows of a width, as long notices are.
@Suite struct WrappingTests {
    @Test func breaksAtSpacesAndKeepsEveryWord() {
        let text = "snapshot not loaded: cannot run the generator: no BLAS library found"
        let rows = text.wrapped(width: 24)
        #expect(rows == ["snapshot not loaded:", "cannot run the", "generator: no BLAS", "library found"])
        #expect(rows.allSatisfy { $0.terminalWidth <= 24 })
        #expect(rows.joined(separator: " ") == text)
    }

    @Test func aWordWiderThanARowIsBrokenInside() {
        let rows = "saved: /home/user/checkpoints/faces-0-dcgan-003509.safetensors now".wrapped(width: 20)
        #expect(rows == ["saved:", "/home/user/checkpoin", "ts/faces-0-dcgan-003", "509.safetensors now"])
    }

    @Test func wideCharactersCountTwoColumns() {
        let rows = "漢字漢字 ab".wrapped(width: 5)
        #expect(rows == ["漢字", "漢字", "ab"])
        #expect(rows.allSatisfy { $0.terminalWidth <= 5 })
    }

    @Test func emptyTextIsOneEmptyRowAndRunsOfSpacesBecomeOne() {
        #expect("".wrapped(width: 10) == [""])
        #expect("a    b".wrapped(width: 1) == ["a", "b"])
        #expect("a    b".wrapped(width: 9) == ["a b"])
        #expect("abc".wrapped(width: 0) == [])
    }
}
