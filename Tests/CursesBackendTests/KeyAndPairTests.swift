import Testing
@testable import CursesBackend

@Suite struct KeyDecodingTests {
    // wget_wch statuses and key codes, from curses.h (octal there).
    private let ok: Int32 = 0, err: Int32 = -1, keyCode: Int32 = 0o400

    @Test func timeoutIsNil() {
        #expect(Key.decode(status: err, code: 0) == nil)
    }

    @Test func characters() {
        #expect(Key.decode(status: ok, code: 113) == .char("q"))
        #expect(Key.decode(status: ok, code: 0x65E5) == .char("日"))
        #expect(Key.decode(status: ok, code: 32) == .char(" "))
        #expect(Key.decode(status: ok, code: 3) == .ctrlC)
        #expect(Key.decode(status: ok, code: 13) == .enter)
        #expect(Key.decode(status: ok, code: 27) == .escape)
        #expect(Key.decode(status: ok, code: 127) == .backspace)
        #expect(Key.decode(status: ok, code: 9) == .tab)
    }

    @Test func keyCodes() {
        #expect(Key.decode(status: keyCode, code: 0o632) == .resize)
        #expect(Key.decode(status: keyCode, code: 0o404) == .left)
        #expect(Key.decode(status: keyCode, code: 0o405) == .right)
        #expect(Key.decode(status: keyCode, code: 0o403) == .up)
        #expect(Key.decode(status: keyCode, code: 0o402) == .down)
        #expect(Key.decode(status: keyCode, code: 0o410 + 1) == .function(1))
        #expect(Key.decode(status: keyCode, code: 0o410 + 12) == .function(12))
        #expect(Key.decode(status: keyCode, code: 0o541) == .backTab)
        #expect(Key.decode(status: keyCode, code: 0o777) == .other(0o777))
    }
}

@Suite struct ColorPairRegistryTests {
    @Test func reusesPairsAndSkipsPairZero() {
        var registry = ColorPairRegistry(capacity: 256)
        let first = registry.pair(foreground: 196, background: -1)
        let second = registry.pair(foreground: -1, background: 196)
        let again = registry.pair(foreground: 196, background: -1)
        #expect(first?.number == 1 && first?.isNew == true)
        #expect(second?.number == 2 && second?.isNew == true)
        #expect(again?.number == 1 && again?.isNew == false)
        #expect(registry.count == 2)
    }

    @Test func fullRegistryReturnsNilAndResetStartsOver() {
        var registry = ColorPairRegistry(capacity: 3)
        #expect(registry.pair(foreground: 1, background: 2) != nil)
        #expect(registry.pair(foreground: 2, background: 1) != nil)
        #expect(registry.pair(foreground: 3, background: 1) == nil)
        #expect(registry.pair(foreground: 1, background: 2)?.isNew == false)
        registry.reset()
        #expect(registry.count == 0)
        #expect(registry.pair(foreground: 3, background: 1)?.number == 1)
    }

    @Test func everyColourCombinationHasItsOwnKey() {
        var registry = ColorPairRegistry(capacity: 70_000)
        for foreground in Int32(-1)...255 {
            for background in Int32(-1)...255 { _ = registry.pair(foreground: foreground, background: background) }
        }
        #expect(registry.count == 257 * 257)
    }
}
