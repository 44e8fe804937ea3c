import Datasets
import Testing

@Suite struct ImageSetTests {
    @Test func facesVaryAcrossSamples() throws {
        let data = try DatasetCatalog.load("faces", seed: 2, count: 300)
        #expect(data.shape == .image(width: 32, height: 32, channels: 3))
        #expect(data.classNames?.count == 9 && data.classNames?[1] == "smile/short hair")
        // Mean over pixels of the per-pixel variance across faces: hair, pose and tone all move.
        var total: Float = 0
        let samples = data.samples  // a float copy of the byte-stored set: take it once
        for pixel in 0..<data.featureCount {
            let values = (0..<data.count).map { samples[$0 * data.featureCount + pixel] }
            let mean = values.reduce(0, +) / Float(values.count)
            total += values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(values.count)
        }
        #expect(total / Float(data.featureCount) > 0.05)
    }

    @Test func smilesAndFrownsDifferInTheMouthRegion() throws {
        let data = try DatasetCatalog.load("faces", seed: 4, count: 900)
        let labels = try #require(data.labels)
        let names = try #require(data.classNames)
        let samples = data.samples
        /// The mean of rows 20…25, columns 10…21 over faces whose class name starts with `mouth`.
        func mouthMean(_ mouth: String) -> [Float] {
            let chosen = labels.indices.filter { names[labels[$0]].hasPrefix(mouth) }
            return (20..<26).flatMap { row in (10..<22).map { column in
                chosen.map { samples[$0 * 1024 + row * 32 + column] }.reduce(0, +) / Float(chosen.count)
            } }
        }
        let smile = mouthMean("smile"), frown = mouthMean("frown")
        let largest = zip(smile, frown).map { abs($0 - $1) }.max() ?? 0
        #expect(largest > 0.1)
    }

    /// Nearest class means are a weak classifier: for faces, pose and skin tone swamp the small
    /// mouth, so the bar is well above chance (1/9) rather than high, and lower still in colour,
    /// where backgrounds, shirts and hair colours vary too (the metrics' classifier learns them
    /// well: MetricsTests); digits must be clearly readable.
    @Test(arguments: [("faces", 0.14), ("faces-gray", 0.25), ("digits", 0.85)])
    func labelsAreLearnableFromPixels(name: String, minimumAccuracy: Double) throws {
        let classifier = NearestCentroid(training: try DatasetCatalog.load(name, seed: 6, count: 2_000))
        let accuracy = classifier.accuracy(on: try DatasetCatalog.load(name, seed: 6, split: .test, count: 500))
        print("\(name): nearest-centroid accuracy on held-out data \(accuracy)")
        #expect(accuracy > minimumAccuracy)
    }

    /// The colour and the gray faces of one seed carry the same labels, sample by sample.
    @Test func colourAndGrayFacesShareLabels() throws {
        let colour = try DatasetCatalog.load("faces", seed: 12, count: 30)
        let gray = try DatasetCatalog.load("faces-gray", seed: 12, count: 30)
        #expect(colour.labels == gray.labels && colour.classNames == gray.classNames)
        #expect(colour.shape.featureCount == 3 * gray.shape.featureCount && gray.shape.channels == 1)
    }

    @Test func digitsAreCentredLikeMNIST() throws {
        let data = try DatasetCatalog.load("digits", seed: 8, count: 200)
        #expect(data.shape == .image(width: 28, height: 28) && data.classNames == (0...9).map(String.init))
        // Ink stays off the outermost two-pixel border, as in MNIST's 20×20 box in 28×28.
        for index in 0..<data.count {
            let row = data.sample(at: index)
            let border = row.indices.filter { i in
                let (y, x) = ((i - row.startIndex) / 28, (i - row.startIndex) % 28)
                return x < 1 || x > 26 || y < 1 || y > 26
            }
            #expect(border.allSatisfy { row[$0] < 0 }, "digit \(index) touches the border")
        }
    }
}
