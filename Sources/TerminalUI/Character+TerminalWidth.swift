extension Character {
    /// The number of terminal columns this character takes: 0, 1 or 2.
    ///
    /// A small table of East Asian wide ranges and emoji, not the full Unicode data: enough for
    /// labels and glyphs, and cheap enough to call for every cell.
    public var terminalWidth: Int {
        guard let first = unicodeScalars.first else { return 0 }
        let value = first.value
        if value < 0x1100 { return value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1 }
        if first.properties.generalCategory == .nonspacingMark { return 0 }
        return Self.wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]
}
