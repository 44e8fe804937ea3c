import Testing
@testable import ImageIO

@Suite struct ImageGridTests {
    @Test func scalingRoundsAndClamps() {
        #expect(ImageGrid.byte(-1) == 0)
        #expect(ImageGrid.byte(1) == 255)
        #expect(ImageGrid.byte(0) == 128)  // 127.5 rounds away from zero
        #expect(ImageGrid.byte(-2) == 0)
        #expect(ImageGrid.byte(3) == 255)
        #expect(ImageGrid.byte(.nan) == 0)
        #expect(ImageGrid.byte(.infinity) == 255)
        #expect(ImageGrid.byte(-.infinity) == 0)
    }

    /// Five 2×2 tiles in 3 columns with a 1-pixel gap: the layout drawn as text, one character
    /// per pixel ('.' background, digit = tile index).
    @Test func layoutWithGapsAndEmptyCells() throws {
        let grid = try ImageGrid(tileWidth: 2, tileHeight: 2, columns: 3, gap: 1, background: 0)
        // Tile i is filled with a value that maps to byte 10 * (i + 1).
        let tiles = (0..<5).map { (index: Int) -> [Float] in
            let byte = Float(10 * (index + 1))
            return Array(repeating: byte / 255 * 2 - 1, count: 4)
        }
        let image = try grid.render(tiles)
        #expect(image.width == 8)
        #expect(image.height == 5)
        let text = (0..<image.height).map { y in
            String((0..<image.width).map { x in
                let value = image[x, y]
                return value == 0 ? "." : Character(String(value / 10 - 1))
            })
        }
        #expect(text == [
            "00.11.22",
            "00.11.22",
            "........",
            "33.44...",
            "33.44...",
        ])
    }

    @Test func pixelOrderInsideATileIsRowMajor() throws {
        let grid = try ImageGrid(tileWidth: 3, tileHeight: 2, columns: 1)
        let image = try grid.render([[-1, 0, 1, 1, 0, -1]])
        #expect(image == PixelImage(width: 3, height: 2, pixels: [0, 128, 255, 255, 128, 0]))
    }

    /// A colour tile comes plane by plane (red, green, blue) and leaves interleaved per pixel.
    @Test func colourTilesInterleaveTheirPlanes() throws {
        let grid = try ImageGrid(tileWidth: 2, tileHeight: 1, channels: 3, columns: 2, gap: 1, background: 7)
        let red: [Float] = [1, -1], green: [Float] = [-1, 0], blue: [Float] = [0, 1]
        let image = try grid.render([red + green + blue, [Float](repeating: -1, count: 6)])
        #expect(image.width == 5 && image.height == 1 && image.channels == 3)
        #expect(image.pixels == [255, 0, 128, 0, 128, 255, 7, 7, 7, 0, 0, 0, 0, 0, 0])
        #expect(image[1, 0, channel: 2] == 255)
        #expect(throws: ImageError.tileSizeMismatch(index: 0, expected: 6, actual: 2)) { try grid.render([[0, 0]]) }
        #expect(throws: ImageError.self) { try ImageGrid(tileWidth: 2, tileHeight: 2, channels: 2, columns: 1) }
    }

    @Test(.enabled(if: PNGTestDecoder.pythonAvailable, "python3 is needed to inflate IDAT"))
    func colourGridEncodesAsRGBPNG() throws {
        let grid = try ImageGrid(tileWidth: 3, tileHeight: 2, channels: 3, columns: 2)
        let tiles = (0..<3).map { (index: Int) -> [Float] in
            (0..<18).map { (value: Int) -> Float in Float((value * 7 + index) % 19) / 9 - 1 }
        }
        let image = try grid.render(tiles)
        let decoded = try PNGTestDecoder.decode(PNGWriter.encode(image))
        #expect(decoded.channels == 3 && decoded.width == image.width && decoded.pixels == image.pixels)
    }

    @Test func fewerImagesThanColumnsShrinksTheWidth() throws {
        let grid = try ImageGrid(tileWidth: 4, tileHeight: 4, columns: 8, gap: 2)
        let image = try grid.render([[Float]](repeating: Array(repeating: 0, count: 16), count: 3))
        #expect(image.width == 3 * 4 + 2 * 2)
        #expect(image.height == 4)
    }

    @Test func sixtyFourMNISTSizedSamples() throws {
        let grid = try ImageGrid(tileWidth: 28, tileHeight: 28, columns: 8)
        let image = try grid.render([[Float]](repeating: Array(repeating: 1, count: 784), count: 64))
        #expect(image.width == 231)
        #expect(image.height == 231)
        #expect(image[28, 0] == 0)  // first vertical gap
        #expect(image[29, 0] == 255)
    }

    @Test func rejectsBadInput() throws {
        #expect(throws: ImageError.self) { try ImageGrid(tileWidth: 0, tileHeight: 2, columns: 1) }
        #expect(throws: ImageError.self) { try ImageGrid(tileWidth: 2, tileHeight: 2, columns: 0) }
        #expect(throws: ImageError.self) { try ImageGrid(tileWidth: 2, tileHeight: 2, columns: 1, gap: -1) }
        #expect(throws: ImageError.self) { try ImageGrid(tileWidth: .max, tileHeight: 2, columns: 1) }
        let grid = try ImageGrid(tileWidth: 2, tileHeight: 2, columns: 2)
        #expect(throws: ImageError.invalidGrid("no images to tile")) { try grid.render([]) }
        #expect(throws: ImageError.tileSizeMismatch(index: 1, expected: 4, actual: 3)) {
            try grid.render([[0, 0, 0, 0], [0, 0, 0]])
        }
    }

    @Test(.enabled(if: PNGTestDecoder.pythonAvailable, "python3 is needed to inflate IDAT"))
    func gridEncodesAsPNG() throws {
        let grid = try ImageGrid(tileWidth: 5, tileHeight: 5, columns: 4, gap: 2)
        let tiles = (0..<6).map { (index: Int) -> [Float] in
            (0..<25).map { (pixel: Int) -> Float in Float(pixel + index) / 30 * 2 - 1 }
        }
        let image = try grid.render(tiles)
        let decoded = try PNGTestDecoder.decode(PNGWriter.encode(gray: image.pixels, width: image.width,
                                                                 height: image.height))
        #expect(decoded.pixels == image.pixels)
    }
}
