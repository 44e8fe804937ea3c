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
    /// `cup` for a zero-based row and column.
    let moveTo: @Sendable (_ row: Int, _ column: Int) -> [UInt8]
    /// Whether writing the bottom-right cell leaves the screen unscrolled: true without automatic
    /// margins, or when the terminal delays the wrap to the next character (`xenl`).
    let canWriteBottomRight: Bool
}
