/// A grayscale image drawn two pixels per cell with the upper half block `▀`: the foreground
/// colours the top pixel and the background the bottom one.
///
/// The image is scaled, keeping its aspect ratio (half-block pixels are about square), to the
/// largest size that fits the area and centred in it. Without half blocks or 256 colours each
/// cell shows one shade character for the average of its two pixels (see ``ColorDepth``).
public struct HalfBlockImage: Widget {
    /// How source pixels are picked when the image is resized.
    public enum Scaling: Sendable {
        /// The nearest source pixel: crisp, cheap.
        case nearest
        /// The mean of the source pixels each output pixel covers: smooth when shrinking.
        case box
    }

    /// Row-major pixel values in -1...1 (a tanh generator's range); -1 is black.
    public var pixels: [Float]
    public var width: Int
    public var height: Int
    public var ramp: ColorRamp
    public var scaling: Scaling
    public var depth: ColorDepth
    public var glyphs: Glyphs

    public init(pixels: [Float], width: Int, height: Int, ramp: ColorRamp = .grey, scaling: Scaling = .nearest,
                depth: ColorDepth, glyphs: Glyphs) {
        self.pixels = pixels
        self.width = width
        self.height = height
        self.ramp = ramp
        self.scaling = scaling
        self.depth = depth
        self.glyphs = glyphs
    }

    /// The output size in pixels (two pixel rows per cell) that fits `area`.
    public func scaledSize(in area: Rect) -> (width: Int, height: Int) {
        guard width > 0, height > 0, pixels.count >= width * height else { return (0, 0) }
        let scale = min(Float(area.width) / Float(width), Float(area.height * 2) / Float(height))
        return (min(Int(Float(width) * scale + 1e-4), area.width), min(Int(Float(height) * scale + 1e-4), area.height * 2))
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        let size = scaledSize(in: area)
        guard size.width > 0, size.height > 0 else { return }
        let cellRows = (size.height + 1) / 2
        let left = area.x + (area.width - size.width) / 2
        let top = area.y + (area.height - cellRows) / 2
        let halfBlocks = glyphs.hasBrailleAndBlocks && depth == .colors256
        for row in 0..<cellRows {
            for column in 0..<size.width {
                let upper = level(column, 2 * row, size)
                let lower = 2 * row + 1 < size.height ? level(column, 2 * row + 1, size) : nil
                let cell: Cell
                if halfBlocks {
                    let background = lower.map { ramp.color(at: $0) } ?? .default
                    cell = Cell(glyphs.upperHalf, style: Style(foreground: ramp.color(at: upper), background: background))
                } else {
                    let mean = lower.map { (upper + $0) / 2 } ?? upper
                    cell = Shading.cell(level: mean, depth: depth, glyphs: glyphs, ramp: ramp)
                }
                grid[left + column, top + row] = cell
            }
        }
    }

    /// The brightness in 0...1 of output pixel (x, y) for an output of `size`.
    private func level(_ x: Int, _ y: Int, _ size: (width: Int, height: Int)) -> Float {
        let value: Float
        switch scaling {
        case .nearest:
            let sourceX = min((2 * x + 1) * width / (2 * size.width), width - 1)
            let sourceY = min((2 * y + 1) * height / (2 * size.height), height - 1)
            value = pixels[sourceY * width + sourceX]
        case .box:
            let x0 = x * width / size.width, x1 = max((x + 1) * width / size.width, x0 + 1)
            let y0 = y * height / size.height, y1 = max((y + 1) * height / size.height, y0 + 1)
            var sum: Float = 0
            for sourceY in y0..<min(y1, height) {
                for sourceX in x0..<min(x1, width) { sum += pixels[sourceY * width + sourceX] }
            }
            value = sum / Float((min(y1, height) - y0) * (min(x1, width) - x0))
        }
        return value.isFinite ? min(max((value + 1) / 2, 0), 1) : 0
    }
}
