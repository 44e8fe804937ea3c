import Randomness

/// Generates a balanced, labelled set of synthetic grayscale images, drawing each one on a
/// ``Canvas`` with its own random stream and storing intensities [0, 1] as pixel levels
/// (``Dataset/pixelLevel(intensity:)``), which stand for [-1, 1].
struct ImageSynthesis {
    let width: Int
    let height: Int
    let classNames: [String]
    /// Keeps each generator's random streams apart from the others'.
    let family: UInt64
    /// Standard deviation of the pixel noise added after drawing, in intensity units.
    let noise: Float

    /// The set of `count` images; sample `i` has class `i % classNames.count`, so classes are
    /// balanced to within one sample. `draw` receives the class, a random stream, and a canvas
    /// to paint from scratch.
    func generate(name: String, count: Int, seed: UInt64, split: DataSplit,
                  draw: (_ label: Int, _ rng: inout SeededRNG, _ canvas: inout Canvas) -> Void) -> Dataset {
        let featureCount = width * height
        var pixels = [UInt8](repeating: 0, count: count * featureCount)
        var labels = [Int](repeating: 0, count: count)
        var canvas = Canvas(width: width, height: height)
        pixels.withUnsafeMutableBufferPointer { output in
            for index in 0..<count {
                var rng = split.generator(seed: seed, family: family, index: index)
                let label = index % classNames.count
                labels[index] = label
                draw(label, &rng, &canvas)
                let row = index * featureCount
                for (i, intensity) in canvas.pixels.enumerated() {
                    let noisy = intensity + noise * rng.approximateGaussian()
                    output[row + i] = Dataset.pixelLevel(intensity: noisy)
                }
            }
        }
        return Dataset(name: name, shape: .image(width: width, height: height), pixels: pixels,
                       labels: labels, classNames: classNames)
    }
}
