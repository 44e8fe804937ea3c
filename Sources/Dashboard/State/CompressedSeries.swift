/// A history of values that never grows past `capacity` points: when full, neighbouring pairs
/// are merged (averaged), halving the resolution, and later values are averaged in buckets of the
/// same span, so every point covers the same number of steps.
///
/// Long runs keep their whole shape at a bounded cost instead of dropping the beginning.
public struct CompressedSeries: Sendable, Equatable {
    public let capacity: Int
    /// One point per bucket, oldest first.
    public private(set) var values: [Float] = []
    /// How many appended values each point averages (a power of two).
    public private(set) var bucketSize = 1
    private var pendingSum: Float = 0
    private var pendingCount = 0

    /// - Parameter capacity: the most points kept; at least 2, rounded up to an even number.
    public init(capacity: Int = 2048) {
        self.capacity = max(2, capacity + capacity % 2)
        values.reserveCapacity(self.capacity)
    }

    /// How many values were appended in total.
    public var appendedCount: Int { values.count * bucketSize + pendingCount }

    public mutating func append(_ value: Float) {
        pendingSum += value
        pendingCount += 1
        guard pendingCount == bucketSize else { return }
        values.append(pendingSum / Float(bucketSize))
        pendingSum = 0
        pendingCount = 0
        if values.count == capacity { halve() }
    }

    /// Merges neighbouring pairs: half the points, each covering twice the values.
    private mutating func halve() {
        for index in 0..<(values.count / 2) {
            values[index] = (values[2 * index] + values[2 * index + 1]) / 2
        }
        values.removeLast(values.count / 2)
        bucketSize *= 2
    }
}
