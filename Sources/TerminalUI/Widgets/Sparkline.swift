/// A one-row trend: one bar character per column, lowest to highest value of the series.
///
/// A series longer than the width is averaged column by column, so the whole history shows.
public struct Sparkline: Widget {
    public var values: [Float]
    public var style: Style
    public var glyphs: Glyphs

    /// Characters from low to high: eighth blocks, or an ASCII ramp.
    private var levels: [Character] {
        glyphs.hasBrailleAndBlocks ? glyphs.barEighths : ["_", ".", "-", "=", "+", "*", "#"]
    }

    public init(values: [Float], style: Style = .plain, glyphs: Glyphs) {
        self.values = values
        self.style = style
        self.glyphs = glyphs
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let columns = Self.averaged(values, columns: area.width)
        let finite = columns.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return }
        let ramp = levels
        for (offset, value) in columns.enumerated() where value.isFinite {
            let level = high > low ? (value - low) / (high - low) : 0
            let character = ramp[Int((level * Float(ramp.count - 1)).rounded())]
            grid.set(character, at: area.x + offset, area.y, style: style)
        }
    }

    /// The values unchanged when they fit, else the mean of each column's share.
    static func averaged(_ values: [Float], columns: Int) -> [Float] {
        guard values.count > columns else { return values }
        return (0..<columns).map { column in
            let share = values[(column * values.count / columns)..<((column + 1) * values.count / columns)]
            let finite = share.filter(\.isFinite)
            return finite.isEmpty ? .nan : finite.reduce(0, +) / Float(finite.count)
        }
    }
}
