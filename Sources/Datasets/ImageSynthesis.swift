import Randomness

/// Generates a balanced, labelled set of synthetic images, drawing each one on a ``Canvas`` with
/// its own random stream and storing values [0, 1] as pixel levels
/// (``Dataset/pixelLevel(intensity:)``), which stand for [-1, 1].
struct ImageSynthesis {
    let width: Int
    let height: Int
    /// 1 keeps the canvas's red plane (grayscale drawings have three equal planes), 3 keeps
    /// red, green and blue, plane after plane.
    var channels = 1
    let classNames: [String]
    /// Keeps each generator's random streams apart from the others'.
    let family: UInt64
    /// Standard deviation of the pixel noise added after drawing to each value, in [0, 1] units.
    let noise: Float

    /// The set of `count` images; sample `i` has class `i % classNames.count`, so classes are
    /// balanced to within one sample. `draw` receives the class, a random stream, and a canvas
    /// to paint from scratch.
    func generate(name: String, count: Int, seed: UInt64, split: DataSplit,
                  draw: (_ label: Int, _ rng: inout SeededRNG, _ canvas: inout Canvas) -> Void) -> Dataset {
        let shape = DataShape.image(width: width, height: height, channels: channels)
        let featureCount = shape.featureCount, planeSize = width * height
        var pixels = [UInt8](repeating: 0, count: count * featureCount)
        var labels = [Int](repeating: 0, count: count)
        var canvas = Canvas(width: width, height: height)
        pixels.withUnsafeMutableBufferPointer { output in
            for index in 0..<count {
                var rng = split.generator(seed: seed, family: family, index: index)
                let label = index % classNames.count
                labels[index] = label
                draw(label, &rng, &canvas)
                for channel in 0..<channels {
                    let plane = index * featureCount + channel * planeSize
                    for (i, colour) in canvas.pixels.enumerated() {
                        let noisy = colour[channel] + noise * rng.approximateGaussian()
                        output[plane + i] = Dataset.pixelLevel(intensity: noisy)
                    }
                }
            }
        }
        return Dataset(name: name, shape: shape, pixels: pixels,
                       labels: labels, classNames: classNames)
    }
}
