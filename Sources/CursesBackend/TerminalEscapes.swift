/// The control strings a frame needs, worked out once per terminal so drawing only copies bytes.
///
/// Expanding a terminfo capability for every style change is what made ncurses slow on
/// sample-grid frames (thousands of colour changes a frame): here each of the 256 foreground and
/// background colours is expanded once. Only the cursor move, whose arguments vary, is expanded
/// per use, and a frame needs few of those.
struct TerminalEscapes {
    /// Turns every attribute off and both colours back to the terminal default (`sgr0`).
    let reset: [UInt8]
    /// Attribute switches (`bold`, `dim`, `rev`); empty when the terminal has none.
    let bold: [UInt8]
    let dim: [UInt8]
    let reverse: [UInt8]
    /// `setaf`/`setab` for each palette index 0...255.
    let foreground: [[UInt8]]
    let background: [[UInt8]]
    /// Whether 24-bit colours (`Color.direct`) go out as they are (SGR 38;2;r;g;b and 48;2;r;g;b);
    /// otherwise they are drawn as the nearest palette colour.
    var directColor = false
    /// `cup` for a zero-based row and column.
    let moveTo: @Sendable (_ row: Int, _ column: Int) -> [UInt8]
    /// Whether writing the bottom-right cell leaves the screen unscrolled: true without automatic
    /// margins, or when the terminal delays the wrap to the next character (`xenl`).
    let canWriteBottomRight: Bool
}

extension TerminalEscapes {
    /// The SGR sequence for a palette colour, as ISO 8613-6 defines it (`ESC[38;5;Nm`, background
    /// `48`): what terminfo's `setaf` gives for 256-colour terminals, written out for direct-colour
    /// entries, whose `setaf` takes an RGB number instead of a palette index.
    static func paletteSGR(_ index: Int, background: Bool) -> [UInt8] {
        Array("\u{1B}[\(background ? 48 : 38);5;\(index)m".utf8)
    }

    /// Appends the SGR sequence that sets a 24-bit foreground (or background) colour:
    /// `ESC[38;2;R;G;Bm`. Written digit by digit: a frame of colour pictures changes colour
    /// thousands of times, and building a String for each would allocate.
    static func appendDirect(red: UInt8, green: UInt8, blue: UInt8, background: Bool, into output: inout [UInt8]) {
        output.append(contentsOf: background ? Self.directBackgroundPrefix : Self.directForegroundPrefix)
        appendDecimal(red, into: &output)
        output.append(UInt8(ascii: ";"))
        appendDecimal(green, into: &output)
        output.append(UInt8(ascii: ";"))
        appendDecimal(blue, into: &output)
        output.append(UInt8(ascii: "m"))
    }

    private static let directForegroundPrefix = Array("\u{1B}[38;2;".utf8)
    private static let directBackgroundPrefix = Array("\u{1B}[48;2;".utf8)

    private static func appendDecimal(_ value: UInt8, into output: inout [UInt8]) {
        if value >= 100 { output.append(UInt8(ascii: "0") + value / 100) }
        if value >= 10 { output.append(UInt8(ascii: "0") + value / 10 % 10) }
        output.append(UInt8(ascii: "0") + value % 10)
    }
}
