import Dispatch
import GAN
import Synchronization

/// A gate that background work passes between its units of work (the classifier's minibatches):
/// open, ``pass()`` returns at once; paused, it blocks the worker without using CPU until
/// ``resume()``; closed, it tells the worker to give up. It lets a paused dashboard pause *all*
/// work, including the classifier that the first run on a labelled data set trains in the
/// background, and lets quitting end that work before the process exits (OpenBLAS's exit handler
/// joins its threads and deadlocks if another thread is still inside a matrix product).
///
/// ```swift
/// let gate = PauseGate()
/// DispatchQueue.global().async { for _ in 0..<steps { guard gate.pass() else { return }; trainOneMinibatch() } }
/// gate.pause()   // the worker stops before its next minibatch
/// gate.resume()  // and goes on
/// gate.close()   // its next pass returns false (a held worker is released at once)
/// ```
public final class PauseGate: Sendable {
    private struct State {
        var isPaused = false
        var isClosed = false
        /// One semaphore per worker blocked in `pass()`, signalled on resume.
        var held: [DispatchSemaphore] = []
    }

    private let state = Mutex(State())
    private let onHold: (@Sendable () -> Void)?

    /// - Parameter onHold: called on the worker's thread each time the gate stops it (e.g. to
    ///   tell the user that the background work waits too).
    public init(onHold: (@Sendable () -> Void)? = nil) {
        self.onHold = onHold
    }

    public var isPaused: Bool { state.withLock { $0.isPaused } }
    public var isClosed: Bool { state.withLock { $0.isClosed } }

    public func pause() { state.withLock { $0.isPaused = true } }

    public func resume() { release { $0.isPaused = false } }

    /// Ends the work for good: held workers are released and every ``pass()`` returns false.
    public func close() { release { $0.isClosed = true } }

    private func release(after change: (inout State) -> Void) {
        let released = state.withLock { state in
            change(&state)
            defer { state.held = [] }
            return state.held
        }
        for semaphore in released { semaphore.signal() }
    }

    /// Pauses while the trainer is paused and opens in every other state, so that background
    /// work follows the trainer whoever paused it (the space key, a test).
    public func follow(_ trainerState: TrainerState) {
        if trainerState == .paused { pause() } else { resume() }
    }

    /// Whether the worker may go on: true at once when open; while paused, blocks until
    /// ``resume()`` (true) or ``close()`` (false); false once closed.
    public func pass() -> Bool {
        // Registered under the lock that `resume` and `close` take, so neither can slip in
        // unseen between the check and the wait.
        let hold = state.withLock { state -> DispatchSemaphore? in
            guard state.isPaused, !state.isClosed else { return nil }
            let semaphore = DispatchSemaphore(value: 0)
            state.held.append(semaphore)
            return semaphore
        }
        if let hold {
            onHold?()
            hold.wait()
        }
        return !isClosed
    }
}
