import Randomness
import RealModule

/// Logistic regression on spectra (``SpectralFeatures``): the detector of Durall et al. 2020
/// and Frank et al. 2020, which needs no network and reads only the frequency content.
///
/// Features are standardised by the training rows' mean and spread; the weights are fitted by
/// minibatch gradient descent on the cross-entropy with a little L2, the minibatches drawn from
/// the caller's random stream.
public struct SpectralDetector: Sendable {
    /// Values per row.
    public let featureCount: Int
    private let mean: [Float]
    private let scale: [Float]
    private let weights: [Float]
    private let bias: Float

    /// Training budget; the defaults fit a few thousand 14- to 32-value spectra in milliseconds.
    public struct Training: Sendable, Equatable {
        public var steps = 1_500
        /// Rows per update, half real and half fake.
        public var batchSize = 64
        public var learningRate: Float = 0.1
        public var l2: Float = 1e-4
        public init() {}
    }

    /// Fits the detector to `real` and `fake` spectra (rows of `featureCount` values); the
    /// probability it gives is that of "fake". Both sets must hold at least one row.
    public init(real: [Float], fake: [Float], featureCount: Int, training: Training = Training(),
                rng: inout SeededRNG) {
        precondition(featureCount > 0 && real.count >= featureCount && fake.count >= featureCount,
                     "the spectral detector needs real and fake rows")
        self.featureCount = featureCount
        let (mean, scale) = Self.standardisation(of: real + fake, featureCount: featureCount)
        self.mean = mean
        self.scale = scale
        let realRows = real.count / featureCount, fakeRows = fake.count / featureCount
        var weights = [Float](repeating: 0, count: featureCount)
        var bias: Float = 0
        let half = training.batchSize / 2
        var gradient = [Float](repeating: 0, count: featureCount)
        for _ in 0..<training.steps {
            for i in 0..<featureCount { gradient[i] = training.l2 * weights[i] }
            var biasGradient: Float = 0
            for row in 0..<(2 * half) {
                let isFake = row >= half
                let pool = isFake ? fake : real
                let start = rng.index(below: isFake ? fakeRows : realRows) * featureCount
                var logit = bias
                for i in 0..<featureCount {
                    logit += weights[i] * (pool[start + i] - mean[i]) * scale[i]
                }
                let error = (Self.sigmoid(logit) - (isFake ? 1 : 0)) / Float(2 * half)
                for i in 0..<featureCount { gradient[i] += error * (pool[start + i] - mean[i]) * scale[i] }
                biasGradient += error
            }
            for i in 0..<featureCount { weights[i] -= training.learningRate * gradient[i] }
            bias -= training.learningRate * biasGradient
        }
        self.weights = weights
        self.bias = bias
    }

    /// The probability that each row of `spectra` is fake.
    public func fakeProbabilities(_ spectra: [Float]) -> [Float] {
        stride(from: 0, to: spectra.count - featureCount + 1, by: featureCount).map { start in
            var logit = bias
            for i in 0..<featureCount { logit += weights[i] * (spectra[start + i] - mean[i]) * scale[i] }
            return Self.sigmoid(logit)
        }
    }

    /// Held-out accuracy (probability above 0.5 read as "fake") and ROC AUC on `real` and `fake`.
    public func score(real: [Float], fake: [Float]) -> DetectorScore {
        DetectorScore(realFakeProbabilities: fakeProbabilities(real), fakeFakeProbabilities: fakeProbabilities(fake))
    }

    static func sigmoid(_ x: Float) -> Float { 1 / (1 + Float.exp(-x)) }

    /// Per-feature mean and 1/standard deviation (1 where a feature does not vary).
    private static func standardisation(of rows: [Float], featureCount: Int) -> ([Float], [Float]) {
        let count = Double(rows.count / featureCount)
        var sum = [Double](repeating: 0, count: featureCount), squares = sum
        for (index, value) in rows.enumerated() {
            sum[index % featureCount] += Double(value)
            squares[index % featureCount] += Double(value) * Double(value)
        }
        let mean = sum.map { $0 / count }
        let scale = zip(squares, mean).map { square, mean in
            let variance = square / count - mean * mean
            return variance > 1e-12 ? Float(1 / variance.squareRoot()) : 1
        }
        return (mean.map { Float($0) }, scale)
    }
}

/// How well a detector separates held-out reals from fakes, from its probabilities of "fake".
public struct DetectorScore: Sendable, Equatable, Codable {
    /// Share of rows on the right side of probability 0.5.
    public var accuracy: Double
    /// ROC AUC of the probability of "fake", fakes as positives (0.5 = cannot tell them apart).
    public var auc: Double

    public init(accuracy: Double, auc: Double) {
        self.accuracy = accuracy
        self.auc = auc
    }

    public init(realFakeProbabilities real: [Float], fakeFakeProbabilities fake: [Float]) {
        let right = real.filter { $0 <= 0.5 }.count + fake.filter { $0 > 0.5 }.count
        let total = real.count + fake.count
        accuracy = total > 0 ? Double(right) / Double(total) : 0.5
        auc = RankAUC.area(positives: fake, negatives: real)
    }
}
