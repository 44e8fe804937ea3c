import Foundation
import Synchronization
import Testing

/// Runs `body(0..<count)` on `count` separate threads and returns true when all have finished,
/// or records a failure and returns false after `seconds`: a deadlock or a loop that never ends
/// in the code under test fails the test instead of hanging the run. The stuck threads are left
/// behind, so the caller must not touch the objects under test after false
/// (`try #require(runConcurrently(…))`).
///
/// Real threads (not `concurrentPerform`) so that the bodies overlap even on a 2-core machine.
func runConcurrently(_ count: Int, seconds: Double = 40, sourceLocation: SourceLocation = #_sourceLocation,
                     _ body: @escaping @Sendable (Int) -> Void) -> Bool {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.start()
    }
    let finished = group.wait(timeout: .now() + seconds) == .success
    #expect(finished, "the threads did not finish within \(Int(seconds)) s", sourceLocation: sourceLocation)
    return finished
}

/// A thread-safe integer counter.
final class Counter: Sendable {
    private let storage = Atomic<Int>(0)
    func add(_ amount: Int) { storage.add(amount, ordering: .relaxed) }
    var value: Int { storage.load(ordering: .relaxed) }
}

/// A thread-safe list for recording what handlers received.
final class Recorder<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])
    func record(_ value: Value) { values.withLock { $0.append(value) } }
    var all: [Value] { values.withLock { $0 } }
}
