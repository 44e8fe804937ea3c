/// A gray or colour image drawn two pixels per cell with the upper half block `▀`: the
/// foreground colours the top pixel and the background the bottom one.
///
/// The image is scaled, keeping its aspect ratio (half-block pixels are about square), to the
/// largest size that fits the area and centred in it. A gray image takes its colours from `ramp`;
/// a colour image shows its own, as 24-bit colours on a terminal with direct colour, else as the
/// nearest of the 256-colour palette (its colour cube or grey ramp). Without half blocks or 256
/// colours each cell shows one shade character for the luminance of its two pixels, tinted with
/// their colour where the terminal can (see ``ColorDepth``).
public struct HalfBlockImage: Widget {
    /// How source pixels are picked when the image is resized.
    public enum Scaling: Sendable {
        /// The nearest source pixel: crisp, cheap.
        case nearest
        /// The mean of the source pixels each output pixel covers: smooth when shrinking.
        case box
    }

    /// Pixel values in -1...1 (a tanh generator's range), -1 black: `channels` planes (1 gray,
    /// 3 red-green-blue) one after the other, each row-major, as a data set's sample.
    public var pixels: [Float]
    public var width: Int
    public var height: Int
    public var channels: Int
    public var ramp: ColorRamp
    public var scaling: Scaling
    public var depth: ColorDepth
    public var glyphs: Glyphs

    public init(pixels: [Float], width: Int, height: Int, channels: Int = 1, ramp: ColorRamp = .grey,
                scaling: Scaling = .nearest, depth: ColorDepth, glyphs: Glyphs) {
        self.pixels = pixels
        self.width = width
        self.height = height
        self.channels = channels
        self.ramp = ramp
        self.scaling = scaling
        self.depth = depth
        self.glyphs = glyphs
    }

    /// The output size in pixels (two pixel rows per cell) that fits `area`.
    public func scaledSize(in area: Rect) -> (width: Int, height: Int) {
        guard width > 0, height > 0, channels == 1 || channels == 3, pixels.count >= channels * width * height
        else { return (0, 0) }
        let scale = min(Float(area.width) / Float(width), Float(area.height * 2) / Float(height))
        return (min(Int(Float(width) * scale + 1e-4), area.width), min(Int(Float(height) * scale + 1e-4), area.height * 2))
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        let size = scaledSize(in: area)
        guard size.width > 0, size.height > 0 else { return }
        let cellRows = (size.height + 1) / 2
        let left = area.x + (area.width - size.width) / 2
        let top = area.y + (area.height - cellRows) / 2
        let halfBlocks = glyphs.hasBrailleAndBlocks && depth.hasPalette
        for row in 0..<cellRows {
            for column in 0..<size.width {
                let upper = pixel(column, 2 * row, size)
                let lower = 2 * row + 1 < size.height ? pixel(column, 2 * row + 1, size) : nil
                let cell: Cell
                if halfBlocks {
                    let background = lower.map(color) ?? .default
                    cell = Cell(glyphs.upperHalf, style: Style(foreground: color(upper), background: background))
                } else {
                    let mean = lower.map { (upper + $0) / 2 } ?? upper
                    cell = channels == 3
                        ? Shading.cell(level: Self.luminance(mean), depth: depth, glyphs: glyphs, ramp: ramp,
                                       tint: color(mean))
                        : Shading.cell(level: mean.x, depth: depth, glyphs: glyphs, ramp: ramp)
                }
                grid[left + column, top + row] = cell
            }
        }
    }

    /// The terminal colour of a pixel (red, green, blue in 0...1; all three alike for gray).
    private func color(_ pixel: SIMD3<Float>) -> Color {
        guard channels == 3 else { return ramp.color(at: pixel.x) }
        let bytes = (pixel * 255).rounded(.toNearestOrAwayFromZero)
        let (red, green, blue) = (UInt8(bytes.x), UInt8(bytes.y), UInt8(bytes.z))
        return depth == .direct ? .direct(red: red, green: green, blue: blue)
            : Color.rgb(red: Int(red), green: Int(green), blue: Int(blue))
    }

    /// Rec. 601 luma: how bright a colour looks, for shade characters.
    static func luminance(_ pixel: SIMD3<Float>) -> Float {
        0.299 * pixel.x + 0.587 * pixel.y + 0.114 * pixel.z
    }

    /// Output pixel (x, y) for an output of `size`: red, green and blue in 0...1 (three equal
    /// values for a gray image).
    private func pixel(_ x: Int, _ y: Int, _ size: (width: Int, height: Int)) -> SIMD3<Float> {
        let plane = width * height
        var value = SIMD3<Float>.zero
        switch scaling {
        case .nearest:
            let sourceX = min((2 * x + 1) * width / (2 * size.width), width - 1)
            let sourceY = min((2 * y + 1) * height / (2 * size.height), height - 1)
            for channel in 0..<channels { value[channel] = pixels[channel * plane + sourceY * width + sourceX] }
        case .box:
            let x0 = x * width / size.width, x1 = max((x + 1) * width / size.width, x0 + 1)
            let y0 = y * height / size.height, y1 = max((y + 1) * height / size.height, y0 + 1)
            for channel in 0..<channels {
                var sum: Float = 0
                for sourceY in y0..<min(y1, height) {
                    for sourceX in x0..<min(x1, width) { sum += pixels[channel * plane + sourceY * width + sourceX] }
                }
                value[channel] = sum / Float((min(y1, height) - y0) * (min(x1, width) - x0))
            }
        }
        if channels == 1 { value = SIMD3(repeating: value.x) }
        var level = (value + 1) / 2
        // NaN and infinities (a diverged generator) show as black.
        for channel in 0..<3 where !level[channel].isFinite { level[channel] = 0 }
        return pointwiseMin(pointwiseMax(level, .zero), .one)
    }
}
