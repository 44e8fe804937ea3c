/// A line chart of several series with an auto-scaled y axis, drawn with braille dots (2×4 per
/// cell) or, with ASCII glyphs, one mark per cell.
///
/// Layout inside the area, top to bottom: a legend row, the plot with y tick labels and an axis
/// on its left, and a row of x labels. A series longer than the plot is resampled: each dot
/// column spans the minimum to the maximum of the values it covers, so spikes stay visible and
/// the whole history fits.
///
/// ```swift
/// BrailleLineChart(series: [ChartSeries(name: "D loss", values: dLoss, style: red)],
///                  references: [ReferenceLine(value: 1.386, style: grey, label: "log 4")],
///                  xStartLabel: "0", xEndLabel: "1200", glyphs: .unicode)
///     .render(into: &grid, area: chartArea)
/// ```
public struct BrailleLineChart: Widget {
    public var series: [ChartSeries]
    public var references: [ReferenceLine]
    public var xStartLabel: String?
    public var xEndLabel: String?
    /// A fixed y range; nil scales to the data and the reference lines.
    public var yRange: ClosedRange<Float>?
    public var glyphs: Glyphs
    public var axisStyle: Style
    public var showsLegend: Bool
    /// A vertical line across the plot at one x position (e.g. the step a history view shows).
    public var marker: ChartMarker?

    public init(series: [ChartSeries], references: [ReferenceLine] = [], xStartLabel: String? = nil,
                xEndLabel: String? = nil, yRange: ClosedRange<Float>? = nil, glyphs: Glyphs,
                axisStyle: Style = .plain, showsLegend: Bool = true, marker: ChartMarker? = nil) {
        self.series = series
        self.references = references
        self.xStartLabel = xStartLabel
        self.xEndLabel = xEndLabel
        self.yRange = yRange
        self.glyphs = glyphs
        self.axisStyle = axisStyle
        self.showsLegend = showsLegend
        self.marker = marker
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        var body = area
        if showsLegend && !series.isEmpty && body.height >= 4 {
            let (legend, rest) = body.splitTop(1)
            drawLegend(into: &grid, area: legend)
            body = rest
        }
        var xLabelRow: Rect?
        if (xStartLabel != nil || xEndLabel != nil) && body.height >= 2 {
            (body, xLabelRow) = body.splitBottom(1)
        }
        guard body.height >= 1 else { return }
        let range = valueRange()
        let ticks = tickRows(count: body.height, range: range)
        let labelWidth = ticks.map(\.label.terminalWidth).max() ?? 0
        let (axis, plot) = body.splitLeft(labelWidth + 1)
        guard plot.width >= 1 else { return }
        for tick in ticks {
            grid.put(tick.label, at: axis.x + labelWidth - tick.label.terminalWidth, axis.y + tick.row,
                     style: axisStyle, clip: axis)
        }
        for y in axis.y..<axis.bottom { grid.set(glyphs.vertical, at: axis.x + labelWidth, y, style: axisStyle) }

        var canvas = DotCanvas(columns: plot.width, rows: plot.height, braille: glyphs.hasBrailleAndBlocks)
        // Captures the height, not the canvas: the canvas is borrowed mutably while this runs.
        let dotHeight = canvas.dotHeight
        let toDot = { (value: Float) -> Int in Self.dotRow(value, range: range, dotHeight: dotHeight) }
        for reference in references {
            let y = toDot(reference.value)
            for x in stride(from: 0, to: canvas.dotWidth, by: 2) {
                canvas.set(x, y, style: reference.style, mark: glyphs.faintMark)
            }
        }
        for (index, line) in series.enumerated() {
            let style = line.faint ? line.style.dimmed : line.style
            let mark = line.faint ? glyphs.faintMark : glyphs.plotMark(index)
            drawSeries(line.values, on: &canvas, style: style, mark: mark, toDot: toDot)
        }
        if let marker {
            // Drawn last, every other dot, so it stays visible over the lines and does not hide them.
            let x = Int((min(max(marker.fraction, 0), 1) * Float(canvas.dotWidth - 1)).rounded())
            for y in stride(from: 0, to: canvas.dotHeight, by: 2) { canvas.set(x, y, style: marker.style, mark: glyphs.vertical) }
        }
        canvas.render(into: &grid, x: plot.x, y: plot.y)
        let dotsPerRow = glyphs.hasBrailleAndBlocks ? 4 : 1
        for reference in references where !reference.label.isEmpty {
            grid.put(reference.label, at: plot.x, plot.y + toDot(reference.value) / dotsPerRow,
                     style: reference.style, clip: plot)
        }
        if let xLabelRow {
            let labels = Rect(x: plot.x, y: xLabelRow.y, width: plot.width, height: 1)
            if let xStartLabel { grid.put(xStartLabel, at: labels.x, labels.y, style: axisStyle, clip: labels) }
            if let xEndLabel {
                grid.put(xEndLabel, at: labels.right - xEndLabel.terminalWidth, labels.y, style: axisStyle, clip: labels)
            }
        }
    }

    private func drawLegend(into grid: inout CellGrid, area: Rect) {
        var x = area.x
        for line in series {
            x += grid.put(String(glyphs.legendMark), at: x, area.y, style: line.faint ? line.style.dimmed : line.style,
                          clip: area)
            x += grid.put(" \(line.name)  ", at: x, area.y, style: axisStyle, clip: area)
        }
    }

    /// The y range to draw: the fixed one, or the finite data and references, padded when flat.
    func valueRange() -> ClosedRange<Float> {
        if let yRange, yRange.upperBound > yRange.lowerBound { return yRange }
        var low = Float.infinity, high = -Float.infinity
        for value in series.flatMap(\.values) + references.map(\.value) where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        guard low <= high else { return 0...1 }
        guard high > low else {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            return (low - pad)...(high + pad)
        }
        return low...high
    }

    /// Rows that get a tick label: both ends, plus the middle or the quarters when tall enough.
    private func tickRows(count rows: Int, range: ClosedRange<Float>) -> [(row: Int, label: String)] {
        let tickCount = rows >= 12 ? 5 : rows >= 5 ? 3 : min(rows, 2)
        let dotsPerRow = glyphs.hasBrailleAndBlocks ? 4 : 1
        let dotHeight = rows * dotsPerRow
        return (0..<tickCount).map { tick in
            let row = tickCount == 1 ? 0 : (tick * (rows - 1) + (tickCount - 1) / 2) / (tickCount - 1)
            let value: Float
            if row == 0 {
                value = range.upperBound
            } else if row == rows - 1 {
                value = range.lowerBound
            } else {
                // The value at the middle of the row's dots.
                let dot = Float(row * dotsPerRow) + Float(dotsPerRow - 1) / 2
                value = range.upperBound - dot / Float(max(dotHeight - 1, 1)) * (range.upperBound - range.lowerBound)
            }
            return (row, CompactNumber.format(Double(value)))
        }
    }

    /// The dot row (0 at the top) of a value, clamped to the plot.
    static func dotRow(_ value: Float, range: ClosedRange<Float>, dotHeight: Int) -> Int {
        let span = range.upperBound - range.lowerBound
        let fraction = span > 0 ? (range.upperBound - value) / span : 0.5
        let row = Int((fraction * Float(dotHeight - 1)).rounded())
        return min(max(row, 0), dotHeight - 1)
    }

    /// Draws one series: joined points when it fits, min–max columns when it is longer than the plot.
    private func drawSeries(_ values: [Float], on canvas: inout DotCanvas, style: Style, mark: Character,
                      toDot: (Float) -> Int) {
        let count = values.count, columns = canvas.dotWidth
        guard count > 0, columns > 0 else { return }
        if count <= columns {
            var previous: (x: Int, y: Int)?
            for (index, value) in values.enumerated() {
                guard value.isFinite else {
                    previous = nil
                    continue
                }
                let x = count == 1 ? 0 : (2 * index * (columns - 1) + count - 1) / (2 * (count - 1))
                let point = (x: x, y: toDot(value))
                canvas.line(from: previous ?? point, to: point, style: style, mark: mark)
                previous = point
            }
            return
        }
        var previousEnd: Int?
        for column in 0..<columns {
            var low = Float.infinity, high = -Float.infinity, last: Float?
            for value in values[(column * count / columns)..<((column + 1) * count / columns)] where value.isFinite {
                low = min(low, value)
                high = max(high, value)
                last = value
            }
            guard let last else {
                previousEnd = nil
                continue
            }
            var top = toDot(high), bottom = toDot(low)
            if let previousEnd {
                top = min(top, previousEnd)
                bottom = max(bottom, previousEnd)
            }
            for y in top...bottom { canvas.set(column, y, style: style, mark: mark) }
            previousEnd = toDot(last)
        }
    }
}
