import Testing
@testable import ImageIO

/// Centre crop and area averaging on pixel values worked out by hand.
@Suite struct SquareResizeTests {
    @Test func tapsShareAPartlyCoveredPixel() {
        // Three source pixels onto two: each output covers 1.5 source pixels.
        let taps = AreaTaps.taps(source: 3, target: 2)
        #expect(taps.map(\.first) == [0, 1])
        #expect(taps[0].weights.count == 2 && abs(taps[0].weights[0] - 2 / 3) < 1e-6 && abs(taps[0].weights[1] - 1 / 3) < 1e-6)
        #expect(taps[1].weights.count == 2 && abs(taps[1].weights[0] - 1 / 3) < 1e-6 && abs(taps[1].weights[1] - 2 / 3) < 1e-6)
        for tap in AreaTaps.taps(source: 97, target: 32) {
            #expect(abs(tap.weights.reduce(0, +) - 1) < 1e-5)
        }
    }

    @Test func wideImageIsCroppedToItsCentreThenAveraged() throws {
        // 6 × 4: columns 0 and 5 are cropped away; 2 × 2 blocks of the rest average to one pixel.
        let rows: [[UInt8]] = [
            [255, 10, 20, 30, 40, 255],
            [255, 50, 60, 70, 80, 255],
            [255, 1, 3, 100, 200, 255],
            [255, 5, 7, 100, 200, 255],
        ]
        let image = try DecodedImage(width: 6, height: 4, channels: 1, pixels: rows.flatMap { $0 })
        let square = image.centreSquare(side: 2)
        #expect(square.width == 2 && square.height == 2 && square.channels == 1)
        #expect(square.pixels == [35, 55, 4, 150])
    }

    @Test func tallImageKeepsItsMiddleRows() throws {
        // 1 × 3: the crop is the middle row.
        let image = try DecodedImage(width: 1, height: 3, channels: 1, pixels: [0, 77, 255])
        #expect(image.centreSquare(side: 1).pixels == [77])
    }

    @Test func fractionalCoverageWeighsThePartlyCoveredPixel() throws {
        // Every row is 0, 90, 180: onto two pixels that is (0 + 45) / 1.5 = 30 and (45 + 180) / 1.5 = 150.
        let image = try DecodedImage(width: 3, height: 3, channels: 1, pixels: [0, 90, 180, 0, 90, 180, 0, 90, 180])
        #expect(image.centreSquare(side: 2).pixels == [30, 150, 30, 150])
    }

    @Test func coloursAreAveragedPerChannel() throws {
        let image = try DecodedImage(width: 2, height: 2, channels: 3,
                                     pixels: [255, 0, 0, 0, 255, 0, 0, 0, 255, 1, 1, 1])
        #expect(image.centreSquare(side: 1).pixels == [64, 64, 64])
    }

    @Test func enlargingRepeatsPixels() throws {
        let image = try DecodedImage(width: 2, height: 2, channels: 1, pixels: [10, 20, 30, 40])
        #expect(image.centreSquare(side: 4).pixels == [10, 10, 20, 20, 10, 10, 20, 20, 30, 30, 40, 40, 30, 30, 40, 40])
    }
}
