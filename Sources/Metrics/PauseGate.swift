import Dispatch
import GAN
import Synchronization

/// A gate that background work passes between its units of work (the classifier's minibatches):
/// open, ``pass()`` returns at once; paused, it blocks the worker without using CPU until
/// ``resume()``. It lets a paused dashboard pause *all* work, including the classifier that the
/// first run on a labelled data set trains in the background.
///
/// ```swift
/// let gate = PauseGate()
/// DispatchQueue.global().async { for _ in 0..<steps { gate.pass(); trainOneMinibatch() } }
/// gate.pause()   // the worker stops before its next minibatch
/// gate.resume()  // and goes on
/// ```
public final class PauseGate: Sendable {
    private struct State {
        var isPaused = false
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

    public func pause() { state.withLock { $0.isPaused = true } }

    public func resume() {
        let released = state.withLock { state in
            state.isPaused = false
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

    /// Returns at once when open; while paused, blocks until ``resume()``.
    public func pass() {
        // Registered under the lock that `resume` takes, so a resume cannot slip in unseen
        // between the check and the wait.
        let hold = state.withLock { state -> DispatchSemaphore? in
            guard state.isPaused else { return nil }
            let semaphore = DispatchSemaphore(value: 0)
            state.held.append(semaphore)
            return semaphore
        }
        guard let hold else { return }
        onHold?()
        hold.wait()
    }
}
