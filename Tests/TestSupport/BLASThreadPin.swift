import Foundation
import NeuralNet

/// Runs a test body with the BLAS thread count pinned, for tests whose results must be
/// bit-identical and for tests that change the count.
///
/// The count is one setting for the whole process (`BLAS.threads`, the parts ganscope splits a
/// product into), and it can change the last bits of a product: each band is its own BLAS call,
/// which may block the work differently (small products take other kernels), so sums can be
/// rounded in another order. Swift Testing runs suites in parallel in one process, so a test comparing two
/// runs bit for bit could see another suite switch the count between (or during) its runs.
///
/// `pinned(to:)` sets the count and holds it, process-wide, until its body returns; it then
/// restores the count it found. Bodies pinned to the same count run side by side (they cannot
/// disturb each other); a body pinned to another count waits until they have all ended. The
/// rule for the suites:
///
/// - a test that compares results bit for bit (reproducibility, resume, "measuring does not
///   change training") or checks a seeded outcome runs inside `pinned`;
/// - a test that changes the count, directly or by running a `Trainer` (which sets it from its
///   configuration), runs inside `pinned` with that count;
/// - every other test that computes through BLAS compares with a stated tolerance.
public enum BLASThreadPin {
    private static let state = NSCondition()
    nonisolated(unsafe) private static var pinnedCount = 0      // guarded by state
    nonisolated(unsafe) private static var holders = 0          // guarded by state
    nonisolated(unsafe) private static var countBefore = 1      // guarded by state

    /// How long a test waits for bodies pinned to another count before it fails instead of hanging.
    public static let patienceSeconds: TimeInterval = 300

    /// Runs `body` with `threads` BLAS threads, which no other test changes meanwhile.
    public static func pinned<Result>(to threads: Int, _ body: () throws -> Result) throws -> Result {
        try BLAS.load()
        try acquire(threads)
        defer { release() }
        return try body()
    }

    private static func acquire(_ threads: Int) throws {
        let deadline = Date(timeIntervalSinceNow: patienceSeconds)
        state.lock()
        defer { state.unlock() }
        while holders > 0 && pinnedCount != threads {
            guard state.wait(until: deadline) else { throw PinTimeout(seconds: patienceSeconds) }
        }
        if holders == 0 {
            countBefore = BLAS.threads
            BLAS.threads = threads
            pinnedCount = threads
        }
        holders += 1
    }

    private static func release() {
        state.lock()
        defer { state.unlock() }
        holders -= 1
        if holders == 0 {
            BLAS.threads = countBefore
            state.broadcast()
        }
    }

    /// Bodies pinned to another count held it for longer than `patienceSeconds`.
    public struct PinTimeout: Error, CustomStringConvertible {
        public let seconds: TimeInterval
        public var description: String {
            "the BLAS thread count stayed pinned to another value by other tests for \(Int(seconds)) s"
        }
    }
}
