import CNCursesW

extension TerminalEscapes {
    /// The escapes of the current curses terminal from its terminfo entry, or nil when it lacks
    /// cursor addressing, `sgr0` or 256 `setaf`/`setab` colours (curses then draws).
    ///
    /// With `directColor` (the terminal declares 24-bit colour) palette colours are written as
    /// ISO 8613-6 SGR sequences instead: a direct-colour entry's `setaf` (e.g. xterm-direct's)
    /// reads its argument as an RGB number, so index 196 would come out as a dark blue.
    static func fromTerminfo(directColor: Bool) -> TerminalEscapes? {
        guard let cup = ganscope_tigetstr("cup"), let reset = ganscope_tigetstr("sgr0"),
              let setaf = ganscope_tigetstr("setaf"), let setab = ganscope_tigetstr("setab") else { return nil }
        var foreground: [[UInt8]] = [], background: [[UInt8]] = []
        for index in Int32(0)..<256 {
            if directColor {
                foreground.append(paletteSGR(Int(index), background: false))
                background.append(paletteSGR(Int(index), background: true))
                continue
            }
            guard let front = ganscope_tiparm1(setaf, index).map(bytes), let back = ganscope_tiparm1(setab, index).map(bytes)
            else { return nil }
            foreground.append(front)
            background.append(back)
        }
        // A copy: tiparm's result and the entry's strings belong to curses.
        let move = Array(UnsafeBufferPointer(start: cup, count: strlen(cup) + 1))
        let automaticMargins = ganscope_tigetflag("am") != 0
        var escapes = TerminalEscapes(
            reset: bytes(reset),
            bold: ganscope_tigetstr("bold").map(bytes) ?? [],
            dim: ganscope_tigetstr("dim").map(bytes) ?? [],
            reverse: ganscope_tigetstr("rev").map(bytes) ?? [],
            foreground: foreground, background: background,
            moveTo: { row, column in
                move.withUnsafeBufferPointer { ganscope_tiparm2($0.baseAddress, Int32(row), Int32(column)).map(bytes) ?? [] }
            },
            canWriteBottomRight: !automaticMargins || ganscope_tigetflag("xenl") != 0)
        escapes.directColor = directColor
        return escapes
    }

    private static func bytes(_ string: UnsafePointer<CChar>) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: string, count: strlen(string)))
    }
}
