extension CellGrid {
    /// A grid pre-filled with a visible filler character, so tests can see which cells a widget
    /// left untouched (ratatui writes `x` for this).
    public static func filled(width: Int, height: Int, with filler: Character = "x") -> CellGrid {
        CellGrid(width: width, height: height, filledWith: Cell(filler))
    }

    /// A readable report of the rows that differ from `expected`, or nil when the text matches.
    ///
    /// Only characters are compared; assert styles separately.
    public func textDifference(from expected: [String]) -> String? {
        let actual = lines()
        guard actual != expected else { return nil }
        var report = ["grid text differs (expected | actual):"]
        for row in 0..<max(actual.count, expected.count) {
            let want = row < expected.count ? expected[row] : "<none>"
            let got = row < actual.count ? actual[row] : "<none>"
            let mark = want == got ? " " : "!"
            report.append("\(mark) \(want) | \(got)")
        }
        return report.joined(separator: "\n")
    }
}
