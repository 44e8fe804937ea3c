import Dispatch
import NeuralNet
import Synchronization
import Testing
import TestSupport

/// `WorkSplit.perform`: every iteration exactly once and its writes visible on return, whether
/// the pass runs on ganscope's spinning workers or, when they are busy (another thread's pass, a
/// pass inside a pass), on libdispatch's. Each test runs under `BoundedWait`: a lost wake-up or a
/// pass that never completes fails instead of hanging the run.
@Suite struct WorkSplitTests {
    /// Plain memory the iterations write and the caller reads after the pass.
    final class Cells: @unchecked Sendable {
        let values: UnsafeMutablePointer<Int>
        let count: Int
        init(_ count: Int) {
            self.count = count
            values = .allocate(capacity: count)
            values.initialize(repeating: -1, count: count)
        }
        deinit { values.deallocate() }
        var all: [Int] { Array(UnsafeBufferPointer(start: values, count: count)) }
    }

    /// Runs `passes` passes of `iterations`, each iteration adding one to its index's counter and
    /// writing the pass number into its cell; true when after every pass each index ran once
    /// more and its cell holds that pass.
    static func passesAreWhole(_ passes: Int, iterations: Int) -> Bool {
        let runs = Cells(iterations), written = Cells(iterations)
        runs.values.update(repeating: 0, count: iterations)
        for pass in 0..<passes {
            WorkSplit.perform(iterations: iterations) { index in
                runs.values[index] += 1
                written.values[index] = pass
            }
            guard runs.all.allSatisfy({ $0 == pass + 1 }), written.all.allSatisfy({ $0 == pass }) else { return false }
        }
        return true
    }

    final class Verdicts: @unchecked Sendable {
        let whole = Mutex<[Bool]>([])
    }

    @Test(arguments: [2, 3, 64])
    func everyIterationRunsOnceAndItsWritesAreSeen(iterations: Int) {
        let verdicts = Verdicts()
        let ended = BoundedWait.finishes { verdicts.whole.withLock { $0.append(Self.passesAreWhole(3_000, iterations: iterations)) } }
        #expect(ended, "a pass did not complete")
        #expect(verdicts.whole.withLock { $0 } == [true])
    }

    @Test func passesFromSeveralThreadsAtOnceAllComplete() {
        let verdicts = Verdicts()
        let ended = BoundedWait.finishes {
            // libdispatch's threads, so all four compete for ganscope's workers.
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                let whole = Self.passesAreWhole(1_000, iterations: 5)
                verdicts.whole.withLock { $0.append(whole) }
            }
        }
        #expect(ended, "a pass did not complete")
        #expect(verdicts.whole.withLock { $0 } == [true, true, true, true])
    }

    @Test func aPassInsideAPassRunsEveryInnerIterationOnce() {
        let runs = Cells(4 * 8)
        runs.values.update(repeating: 0, count: 32)
        let ended = BoundedWait.finishes {
            for _ in 0..<200 {
                WorkSplit.perform(iterations: 4) { outer in
                    WorkSplit.perform(iterations: 8) { inner in runs.values[outer * 8 + inner] += 1 }
                }
            }
        }
        #expect(ended, "a pass did not complete")
        #expect(runs.all == [Int](repeating: 200, count: 32))
    }

    @Test func noIterationsRunNothingAndOneRunsOnTheCaller() {
        let runs = Cells(1)
        runs.values[0] = 0
        WorkSplit.perform(iterations: 0) { _ in runs.values[0] += 100 }
        WorkSplit.perform(iterations: 1) { index in runs.values[index] += 1 }
        #expect(runs.values[0] == 1)
    }
}
