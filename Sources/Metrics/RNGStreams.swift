/// The metrics' own random streams, far above the trainer's (`RNGStream` 1…4), so that measuring
/// never draws from or shifts the training streams: a run is the same with or without metrics.
enum RNGStreams {
    static let classifier: UInt64 = 1 << 40
    static let referenceSubsets: UInt64 = (1 << 40) + 1
    /// Evaluation at step s draws from stream `evaluationBase + s`, so its figures depend only on
    /// the weights at that step, not on earlier evaluations.
    static let evaluationBase: UInt64 = 1 << 41
}
