/// Vertical bars for one or more series over shared bins, with the range's end labels below,
/// e.g. the discriminator's outputs on real and on fake samples in 0...1.
///
/// Bars rise in eighths of a cell with Unicode glyphs and in whole cells with ASCII. Overlaid
/// series share columns (the shorter bar in front); side-by-side series get a column each per bin.
/// When there are more bins than columns, neighbouring bins are summed.
public struct Histogram: Widget {
    /// How several series share the columns.
    public enum Arrangement: Sendable {
        case overlaid, sideBySide
    }

    public var series: [HistogramSeries]
    public var arrangement: Arrangement
    public var glyphs: Glyphs
    public var lowLabel: String
    public var highLabel: String
    public var axisStyle: Style

    public init(series: [HistogramSeries], arrangement: Arrangement = .overlaid, glyphs: Glyphs,
                lowLabel: String = "0", highLabel: String = "1", axisStyle: Style = .plain) {
        self.series = series
        self.arrangement = arrangement
        self.glyphs = glyphs
        self.lowLabel = lowLabel
        self.highLabel = highLabel
        self.axisStyle = axisStyle
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !series.isEmpty, area.height >= 2 else { return }
        let (bars, labels) = area.splitBottom(1)
        grid.put(lowLabel, at: labels.x, labels.y, style: axisStyle, clip: labels)
        grid.put(highLabel, at: labels.right - highLabel.terminalWidth, labels.y, style: axisStyle, clip: labels)
        let stride = arrangement == .overlaid ? 1 : series.count
        let slots = bars.width / stride
        guard slots > 0 else { return }
        let columns = series.map { Self.resample($0.bins, to: slots) }
        let peak = columns.flatMap { $0 }.max() ?? 0
        guard peak > 0 else { return }
        let unitsPerRow = max(glyphs.barEighths.count, 1)
        let heights = columns.map { values in
            values.map { Int(($0 / peak * Float(bars.height * unitsPerRow)).rounded()) }
        }
        for slot in 0..<slots {
            switch arrangement {
            case .sideBySide:
                for index in series.indices {
                    drawBar(into: &grid, x: bars.x + slot * stride + index, bars: bars, units: heights[index][slot],
                            style: series[index].style, mark: mark(index), behind: nil)
                }
            case .overlaid:
                // Tallest first, so every shorter bar stays in front of the ones behind it.
                let order = series.indices.sorted { heights[$0][slot] > heights[$1][slot] }
                var behind: (units: Int, style: Style)?
                for index in order {
                    drawBar(into: &grid, x: bars.x + slot, bars: bars, units: heights[index][slot],
                            style: series[index].style, mark: mark(index), behind: behind)
                    behind = (heights[index][slot], series[index].style)
                }
            }
        }
    }

    /// The full-cell mark of a series: the block, or with ASCII a distinct mark after the first.
    private func mark(_ index: Int) -> Character {
        glyphs.barEighths.count > 1 || index == 0 ? glyphs.fullBlock : glyphs.plotMark(index)
    }

    /// Draws a bar of `units` eighths (or cells) up from the bottom of `bars`; the partial top
    /// cell takes its background from the bar behind when that bar fills the cell.
    private func drawBar(into grid: inout CellGrid, x: Int, bars: Rect, units: Int, style: Style, mark: Character,
                         behind: (units: Int, style: Style)?) {
        let unitsPerRow = max(glyphs.barEighths.count, 1)
        var row = 0
        while row * unitsPerRow < units {
            let filled = min(units - row * unitsPerRow, unitsPerRow)
            var cellStyle = style
            if filled < unitsPerRow, let behind, behind.units >= (row + 1) * unitsPerRow {
                cellStyle.background = behind.style.foreground
            }
            let character = filled == unitsPerRow ? mark : glyphs.barEighths[filled - 1]
            grid.set(character, at: x, bars.bottom - 1 - row, style: cellStyle)
            row += 1
        }
    }

    /// Bin values for `slots` columns: repeated when there are fewer bins, summed when more.
    static func resample(_ bins: [Float], to slots: Int) -> [Float] {
        guard !bins.isEmpty, slots > 0 else { return Array(repeating: 0, count: max(slots, 0)) }
        if slots >= bins.count { return (0..<slots).map { bins[$0 * bins.count / slots] } }
        var sums = Array(repeating: Float(0), count: slots)
        for (index, value) in bins.enumerated() { sums[index * slots / bins.count] += max(value, 0) }
        return sums
    }
}
