/// A labelled horizontal track with a marker at a position in 0...1, on the area's first row.
///
/// Shows e.g. where the latent explorer sits between its two endpoints.
public struct Slider: Widget {
    public var value: Float
    public var label: String
    public var glyphs: Glyphs
    public var trackStyle: Style
    public var markerStyle: Style
    public var labelStyle: Style

    public init(value: Float, label: String = "", glyphs: Glyphs, trackStyle: Style = .plain,
                markerStyle: Style = Style(bold: true), labelStyle: Style = .plain) {
        self.value = value
        self.label = label
        self.glyphs = glyphs
        self.trackStyle = trackStyle
        self.markerStyle = markerStyle
        self.labelStyle = labelStyle
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard area.height >= 1, area.width >= 1 else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        let labelColumns = label.isEmpty ? 0 : grid.put(label + " ", at: row.x, row.y, style: labelStyle, clip: row)
        let track = row.splitLeft(labelColumns).rest
        guard track.width >= 1 else { return }
        for x in track.x..<track.right { grid.set(glyphs.sliderTrack, at: x, track.y, style: trackStyle) }
        let clamped = value.isNaN ? 0 : min(max(value, 0), 1)
        let position = Int((clamped * Float(track.width - 1)).rounded())
        grid.set(glyphs.sliderMarker, at: track.x + position, track.y, style: markerStyle)
    }
}
