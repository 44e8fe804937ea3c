import Foundation

/// Training speed over a sliding window, and training time with pauses left out.
struct ThroughputMeter {
    private var startedAt = Self.now()
    private var pausedAt: Double?
    private var pausedTotal = 0.0
    private var window: [(time: Double, step: Int)] = []
    private let windowSeconds = 2.0

    /// Seconds of training so far, pauses excluded.
    var elapsed: Double { (pausedAt ?? Self.now()) - startedAt - pausedTotal }

    mutating func record(step: Int) {
        let time = elapsed
        window.append((time, step))
        if let first = window.first, time - first.time > windowSeconds, window.count > 2 {
            window.removeFirst(window.count / 2)
        }
    }

    /// Steps per second over the last couple of seconds.
    var stepsPerSecond: Double {
        guard let first = window.first, let last = window.last, last.time > first.time else { return 0 }
        return Double(last.step - first.step) / (last.time - first.time)
    }

    mutating func pause() { pausedAt = Self.now() }

    mutating func resume() {
        if let pausedAt { pausedTotal += Self.now() - pausedAt }
        pausedAt = nil
        window.removeAll()
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
