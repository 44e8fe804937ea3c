/// The metrics' own random streams, far above the trainer's (`RNGStream` 1…4), so that measuring
/// never draws from or shifts the training streams: a run is the same with or without metrics.
enum RNGStreams {
    static let classifier: UInt64 = 1 << 40
    static let referenceSubsets: UInt64 = (1 << 40) + 1
    /// Evaluation at step s draws from stream `evaluationBase + s`, so its figures depend only on
    /// the weights at that step, not on earlier evaluations.
    static let evaluationBase: UInt64 = 1 << 41
    /// The spectral detector's minibatches at step s: stream `spectralBase + s`, apart from the
    /// evaluation's, so adding the detector changed no other figure.
    static let spectralBase: UInt64 = 1 << 42
    /// `ganscope detect` (``FakeDetectors``): the probe's and the spectral detector's training.
    static let detection: UInt64 = (1 << 40) + 2
    static let detectionSpectral: UInt64 = (1 << 40) + 3
    static let detectionFakes: UInt64 = (1 << 40) + 4
}
