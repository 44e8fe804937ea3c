extension StringProtocol {
    /// The string broken into rows of at most `width` terminal columns: at spaces where it can,
    /// inside a word only when the word alone is wider than a row (a long file path). Runs of
    /// spaces become one; an empty string is one empty row.
    public func wrapped(width: Int) -> [String] {
        guard width > 0 else { return [] }
        var rows: [String] = []
        var row = "", rowWidth = 0
        func finishRow() {
            rows.append(row)
            row = ""
            rowWidth = 0
        }
        for word in split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = word.terminalWidth
            if rowWidth > 0, rowWidth + 1 + wordWidth <= width {
                row += " " + word
                rowWidth += 1 + wordWidth
                continue
            }
            if rowWidth > 0 { finishRow() }
            if wordWidth <= width {
                row = String(word)
                rowWidth = wordWidth
                continue
            }
            for character in word {
                if rowWidth + character.terminalWidth > width { finishRow() }
                row.append(character)
                rowWidth += character.terminalWidth
            }
        }
        if rowWidth > 0 || rows.isEmpty { finishRow() }
        return rows
    }
}
