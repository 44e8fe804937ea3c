import Datasets
import Foundation
import GAN
import NeuralNet
import Randomness
import Synchronization
import TestSupport
import Testing

/// Builds a small, fast training setup for tests. `threads` is the configuration's (Adam's split,
/// and what a `Trainer` sets BLAS to); a test that needs BLAS's count fixed runs in
/// `BLASThreadPin.pinned`.
func makeGAN(dataset spec: String, seed: UInt64 = 7, batch: Int = 64, steps: Int? = nil,
             threads: Int = 1, configure: (inout TrainingConfig) -> Void = { _ in }) throws -> GANStep {
    var config = TrainingConfig.defaults(for: spec)
    config.dataset = spec
    config.seed = seed
    config.batchSize = batch
    config.steps = steps
    config.threads = threads
    configure(&config)
    // Synthetic images are slow to draw in a debug build: a few hundred suffice here.
    let count = ["faces", "digits"].contains(spec) ? 256 : 5_000
    let dataset = try DatasetCatalog.load(spec, seed: seed, count: count)
    let architecture = ModelArchitecture(for: dataset.shape, featureCount: dataset.featureCount,
                                         latentDimension: config.latentDimension)
    return GANStep(model: GANModel(architecture: architecture, seed: seed, sampleCount: 16),
                   config: config, dataset: dataset)
}

/// A ring GAN whose absurd learning rates (plain SGD at 1e30) blow its weights up within a few
/// steps: the trainer must end it as diverged.
func makeDivergingGAN(steps: Int) throws -> GANStep {
    try makeGAN(dataset: "ring", batch: 16, steps: steps) {
        $0.optimizer = .sgd
        $0.learningRateD = 1e30
        $0.learningRateG = 1e30
    }
}

/// The mode-collapse protocol: generated points within 3σ of their nearest mode are "high
/// quality"; a mode is captured if it is the nearest mode of at least one such point.
func capturedModes(of gan: GANStep, points: Int = 2_500) -> (captured: Int, highQuality: Double) {
    guard let mixture = gan.dataset.mixture else { return (0, 0) }
    var rng = SeededRNG(seed: 99)
    let z = gan.model.latentDimension
    let noise = (0..<(points * z)).map { _ in rng.gaussian() }
    let output = noise.withUnsafeBufferPointer { gan.model.generator.forward($0.baseAddress!, batch: points) }
    var captured = Set<Int>()
    var good = 0
    for i in 0..<points {
        let point = SIMD2<Float>(output[2 * i], output[2 * i + 1])
        let distances = mixture.centers.map { (($0 - point) * ($0 - point)).sum().squareRoot() }
        let nearest = distances.indices.min { distances[$0] < distances[$1] } ?? 0
        if distances[nearest] <= 3 * mixture.sigma {
            good += 1
            captured.insert(nearest)
        }
    }
    return (captured.count, Double(good) / Double(points))
}

/// Collects events from the trainer's thread for inspection, and lets a test wait for one.
final class EventLog: Sendable {
    private let events = Mutex<[TrainerEvent]>([])
    /// Signalled after every event, so a waiting test looks again.
    private let arrived = DispatchSemaphore(value: 0)

    func append(_ event: TrainerEvent) {
        events.withLock { $0.append(event) }
        arrived.signal()
    }

    var all: [TrainerEvent] { events.withLock { $0 } }
    var states: [TrainerState] { all.compactMap { if case .state(let s) = $0 { s } else { nil } } }
    var steps: [StepMetrics] { all.compactMap { if case .step(let m) = $0 { m } else { nil } } }
    var warnings: [String] { all.compactMap { if case .warning(let text) = $0 { text } else { nil } } }

    /// Waits until an event satisfies `isWanted`, at most `BoundedWait.seconds`: true if one came.
    func waitFor(_ isWanted: (TrainerEvent) -> Bool) -> Bool {
        let deadline = DispatchTime.now() + BoundedWait.seconds
        while !all.contains(where: isWanted) {
            guard arrived.wait(timeout: deadline) == .success else { return all.contains(where: isWanted) }
        }
        return true
    }

    /// Waits until the trainer announces `state`, at most `BoundedWait.seconds`.
    func waitFor(state wanted: TrainerState) -> Bool {
        waitFor { if case .state(let state) = $0 { state == wanted } else { false } }
    }
}

/// Tells when a paused trainer is really asleep, which no event can say: after
/// its last event the loop still has a few instructions to run before it sleeps, and a command
/// sent in that gap is seen without any wake-up. A test that must reach the sleeping loop (stop
/// or snapshot while paused) records the trainer's thread from an event handler (handlers run
/// on it) and waits until the kernel reports that thread blocked (Linux `/proc`).
final class ThreadProbe: Sendable {
    private let statPath = Mutex<String?>(nil)

    /// Call on the thread to watch.
    func recordCurrentThread() {
        let task = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")
        statPath.withLock { $0 = task.map { "/proc/\($0)/stat" } }
    }

    /// Waits, at most `BoundedWait.seconds`, until the recorded thread has been seen blocked
    /// (state S) three polls in a row, a millisecond apart: true if it was.
    func waitUntilAsleep() -> Bool {
        let deadline = Date(timeIntervalSinceNow: BoundedWait.seconds)
        var asleepPolls = 0
        while asleepPolls < 3 {
            guard Date() < deadline else { return false }
            asleepPolls = state() == "S" ? asleepPolls + 1 : 0
            usleep(1_000)
        }
        return true
    }

    /// The state letter of /proc/…/stat: the field after the parenthesised command name.
    private func state() -> Character? {
        guard let path = statPath.withLock({ $0 }),
              let stat = try? String(contentsOfFile: path, encoding: .utf8),
              let nameEnd = stat.lastIndex(of: ")") else { return nil }
        return stat[nameEnd...].dropFirst(2).first
    }
}

/// Waits for `trainer` to end, at most `BoundedWait.seconds`; if it has not, records a failure
/// and asks it to stop, so a broken trainer fails the test instead of hanging the run.
func waitForEnd(of trainer: Trainer, sourceLocation: SourceLocation = #_sourceLocation) {
    let ended = BoundedWait.finishes { trainer.waitUntilFinished() }
    #expect(ended, "the trainer did not end within \(Int(BoundedWait.seconds)) s", sourceLocation: sourceLocation)
    if !ended { trainer.stop() }
}
