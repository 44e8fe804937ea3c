import Foundation

/// Bounds for tests that wait on something which never ends when the code is broken (a trainer
/// that does not stop, a loop that never quits): the test fails within the bound instead of
/// hanging the whole run.
///
/// Not Swift Testing's `.timeLimit`: that clock starts when the test is scheduled, and on a
/// 2-core machine synchronous tests wait minutes for one of the two cooperative threads, so a
/// one-minute limit failed healthy tests in CI (and it cannot interrupt a blocked thread anyway).
/// This bound starts when the work does, on a thread of its own.
public enum BoundedWait {
    /// Seconds a test waits for work that takes well under a second when the code is right.
    public static let seconds: Double = 40

    /// Runs `work` on a thread of its own and waits for it at most `seconds`: true if it ended.
    /// On false the thread is left behind, still blocked; the caller should then record a failure
    /// and release what it can (e.g. stop the trainer).
    public static func finishes(within seconds: Double = seconds, _ work: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            work()
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success
    }
}
