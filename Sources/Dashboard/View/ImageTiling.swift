import TerminalUI

/// Where to put several images in a rectangle: as many as fit, as large as possible.
enum ImageTiling {
    /// Slots for up to `count` images of `width`×`height` pixels: the largest scale among 1, ½,
    /// ⅓ and ¼ that still shows at least `wanted` of them (or all, when fewer); at the smallest
    /// scale, whatever fits.
    static func grid(imageWidth width: Int, imageHeight height: Int, count: Int, in area: Rect,
                     wanted: Int) -> [Rect] {
        var slots: [Rect] = []
        for divisor in 1...4 {
            slots = HalfBlockImage.gridSlots(imageWidth: (width + divisor - 1) / divisor,
                                             imageHeight: (height + divisor - 1) / divisor,
                                             in: area, gap: 1, count: count)
            if slots.count >= min(count, wanted) { break }
        }
        return slots
    }

    /// `count` equal slots in one row across `area` (one column apart), each as tall as the
    /// image's aspect asks but no taller than the area.
    static func strip(imageWidth width: Int, imageHeight height: Int, count: Int, in area: Rect) -> [Rect] {
        guard count > 0, width > 0, height > 0 else { return [] }
        let tileWidth = (area.width + 1) / count - 1
        guard tileWidth >= 1 else { return [] }
        let tileHeight = min(area.height, max(1, (tileWidth * height + 2 * width - 1) / (2 * width)))
        let left = area.x + (area.width - (count * (tileWidth + 1) - 1)) / 2
        return (0..<count).map { Rect(x: left + $0 * (tileWidth + 1), y: area.y, width: tileWidth, height: tileHeight) }
    }
}
