/// A data set held in memory: `count` samples, each a row of `featureCount` values.
///
/// Images hold values in [-1, 1] (-1 black or background, +1 white or ink) laid out as
/// ``DataShape/image(width:height:channels:)`` says: plane after plane, each row-major. Points
/// are `(x, y)` pairs in their natural coordinates.
///
/// Generated and loaded images are stored as one byte per pixel (``pixelValue(_:)`` maps a byte
/// to [-1, 1]), a quarter of the memory of floats: 20,000 faces take 20 MB instead of 82 MB.
/// Rows become floats only where they are used, a minibatch at a time (``copyBatch(indices:into:)``).
///
///     let faces = try DatasetCatalog.load("faces", seed: 1)
///     let first = faces.sample(at: 0)   // 1024 floats, a 32×32 face
public struct Dataset: Sendable {
    /// The spec it was loaded from: "faces", "digits", "ring", "grid", "spiral" or "idx:<path>".
    public let name: String
    public let shape: DataShape
    public let count: Int
    /// One class index per sample, in `0..<classNames.count`; nil when the set has no labels.
    public let labels: [Int]?
    public let classNames: [String]?
    /// The true modes of the ring and grid sets, for mode-coverage metrics; nil otherwise.
    public let mixture: GaussianMixture?
    let storage: SampleStorage

    /// How the samples are held, back to back: `count * featureCount` values.
    enum SampleStorage: Sendable {
        case floats([Float])
        /// Pixel levels 0...255 standing for ``Dataset/pixelValue(_:)`` each.
        case pixels([UInt8])
    }

    /// Floats per sample: `channels * width * height` for images, 2 for points.
    public var featureCount: Int { shape.featureCount }

    /// A data set from float samples laid out back to back; `count` is derived from their number.
    ///
    /// The caller guarantees the layout (a whole number of rows, one label per row, labels within
    /// `classNames`); a violation is a programming error and stops the program.
    public init(name: String, shape: DataShape, samples: [Float], labels: [Int]? = nil,
                classNames: [String]? = nil, mixture: GaussianMixture? = nil) {
        self.init(name: name, shape: shape, storage: .floats(samples), valueCount: samples.count, labels: labels,
                  classNames: classNames, mixture: mixture)
    }

    /// An image set from pixel levels laid out back to back, level `b` standing for
    /// `pixelValue(b)`; the layout is guaranteed as for float samples.
    public init(name: String, shape: DataShape, pixels: [UInt8], labels: [Int]? = nil, classNames: [String]? = nil) {
        self.init(name: name, shape: shape, storage: .pixels(pixels), valueCount: pixels.count, labels: labels,
                  classNames: classNames, mixture: nil)
    }

    private init(name: String, shape: DataShape, storage: SampleStorage, valueCount: Int, labels: [Int]?,
                 classNames: [String]?, mixture: GaussianMixture?) {
        let width = shape.featureCount
        precondition(width > 0 && valueCount % width == 0, "samples must fill whole rows")
        let count = valueCount / width
        if let labels {
            precondition(labels.count == count, "one label per sample")
            let classCount = classNames?.count ?? 0
            precondition(labels.allSatisfy { (0..<classCount).contains($0) }, "labels must index classNames")
        }
        self.name = name
        self.shape = shape
        self.count = count
        self.storage = storage
        self.labels = labels
        self.classNames = classNames
        self.mixture = mixture
    }

    /// The value pixel level `level` stands for: 0…255 mapped linearly onto [-1, 1], as IDX files'
    /// bytes always were (0 → -1, 255 → +1).
    @inline(__always)
    public static func pixelValue(_ level: UInt8) -> Float {
        Float(level) / 127.5 - 1
    }

    /// The pixel level nearest to `intensity` in [0, 1] (clamped), so that `pixelValue` of it
    /// is within 1/255 of `2 * intensity - 1`.
    @inline(__always)
    public static func pixelLevel(intensity: Float) -> UInt8 {
        UInt8((min(max(intensity, 0), 1) * 255).rounded())
    }

    /// The floats of sample `index` (a copy; indices start at 0).
    public func sample(at index: Int) -> ArraySlice<Float> {
        precondition((0..<count).contains(index), "sample index \(index) out of 0..<\(count)")
        return rows(index..<(index + 1))[...]
    }

    /// The samples in `range`, back to back as floats.
    public func rows(_ range: Range<Int>) -> [Float] {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "rows \(range) out of 0..<\(count)")
        let width = featureCount
        let values = range.lowerBound * width..<range.upperBound * width
        switch storage {
        case .floats(let floats): return Array(floats[values])
        case .pixels(let pixels): return pixels[values].map(Self.pixelValue)
        }
    }

    /// Every sample back to back as floats: `count * featureCount` of them.
    ///
    /// For an image set this builds a float copy four times the size of the set; code that lives
    /// with the data takes rows as it needs them (``rows(_:)``, ``copyBatch(indices:into:)``).
    public var samples: [Float] {
        switch storage {
        case .floats(let floats): floats
        case .pixels(let pixels): pixels.map(Self.pixelValue)
        }
    }
}

extension Dataset {
    /// The samples at `indices`, in that order, with their labels, stored as compactly as here.
    public func subset(_ indices: some Collection<Int>) -> Dataset {
        let width = featureCount
        func pick<Value>(_ values: [Value]) -> [Value] {
            var picked = [Value]()
            picked.reserveCapacity(indices.count * width)
            for index in indices {
                precondition((0..<count).contains(index), "sample index \(index) out of 0..<\(count)")
                picked += values[(index * width)..<((index + 1) * width)]
            }
            return picked
        }
        let storage: SampleStorage = switch self.storage {
        case .floats(let floats): .floats(pick(floats))
        case .pixels(let pixels): .pixels(pick(pixels))
        }
        return Dataset(name: name, shape: shape, storage: storage, valueCount: indices.count * width,
                       labels: self.labels(at: indices), classNames: classNames, mixture: mixture)
    }
}
