/// When the dashboard loop takes in training data. Every redraw takes CPU from training, which
/// wants both cores, and every wake-up of the UI thread preempts a BLAS thread, so while training
/// runs: steps are taken in 5 times a second (charts that move more often read no better),
/// pictures at most twice (a new sample grid rewrites thousands of cells) and the explorer's
/// generator weights at most once (each load copies G and runs it). Paused or ended, the newest
/// pictures and weights are taken at every data tick. Keys and resizes redraw at once, outside
/// this schedule.
///
/// Pure: given the time, it says what is due; the loop records what it did.
///
/// ```swift
/// var schedule = RefreshSchedule()
/// if schedule.isDue(.data, at: now) { schedule.record(.data, at: now); … }
/// let wait = schedule.secondsUntilData(at: now)   // the key-read timeout
/// ```
public struct RefreshSchedule: Sendable, Equatable {
    public enum Job: Sendable, CaseIterable {
        /// Steps, states and notices, then a redraw if anything changed.
        case data
        /// Sample grid, verdict histogram, decision surface.
        case pictures
        /// The explorer's copy of G.
        case generator
    }

    public var dataInterval = 0.2
    public var pictureInterval = 0.5
    public var generatorInterval = 1.0
    /// When each job last ran; never at first, so all are due at once.
    private var last: [Job: Double] = [:]

    public init() {}

    /// Whether `job` is due at `now` (seconds on any monotonic clock). Pictures and weights are
    /// checked at a data tick; `trainingRuns` false (paused or ended) makes them due at every one.
    public func isDue(_ job: Job, at now: Double, trainingRuns: Bool = true) -> Bool {
        if job != .data, !trainingRuns { return true }
        guard let last = last[job] else { return true }
        return now - last >= interval(of: job)
    }

    /// Records that `job` ran at `now`; for pictures and weights only when something new was
    /// taken, so the first new ones after a quiet spell show at once.
    public mutating func record(_ job: Job, at now: Double) {
        last[job] = now
    }

    /// How long the loop may wait for a key before the next data tick: at least a millisecond
    /// (a zero timeout would spin), at most one interval.
    public func secondsUntilData(at now: Double) -> Double {
        let remaining = last[.data].map { $0 + dataInterval - now } ?? 0
        return min(max(remaining, 0.001), dataInterval)
    }

    private func interval(of job: Job) -> Double {
        switch job {
        case .data: dataInterval
        case .pictures: pictureInterval
        case .generator: generatorInterval
        }
    }
}
