import Foundation
import Synchronization
import TensorBoard
import TestSupport
import Testing
@testable import ganscope

/// `train --tensorboard DIR` writes an event file that our reader (and TensorBoard's, see
/// Tests/Interop/check_tfevents.py) reads back: the scalars at --log-every, the grid at
/// --image-every.
@Suite struct TensorBoardLogTests {
    let folder = NSTemporaryDirectory() + "ganscope-tensorboard-\(UInt64.random(in: 0 ... .max))"

    @Test func headlessRunWritesScalarsAndImages() throws {
        try BLASThreadPin.pinned(to: 1) { try trainAndRead() }
    }

    private func trainAndRead() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Sixteen 4×4 images as an IDX file: the smallest image data set.
        let images = folder + "/images.idx"
        var bytes: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 16, 0, 0, 0, 4, 0, 0, 0, 4]
        bytes += (0..<(16 * 16)).map { UInt8($0 % 256) }
        try Data(bytes).write(to: URL(fileURLWithPath: images))
        let parsed = try Ganscope.parseAsRoot([
            "train", "--headless", "--dataset", "idx:" + images, "--steps", "6", "--batch", "4", "--threads", "1",
            "--eval-every", "0", "--checkpoint-dir", folder + "/checkpoints", "--log-every", "2",
            "--tensorboard", folder + "/tb", "--image-every", "3",
        ])
        let train = try #require(parsed as? TrainCommand)
        let session = try TrainingSession(training: train.training, checkpoints: train.checkpoints, headless: true,
                                          samplesEvery: train.tensorboard.imageEvery)
        let outcome = try session.run(logFile: nil, logEvery: train.logEvery, tensorboard: train.tensorboard,
                                      dumpSamples: nil) { trainer in
            let run = HeadlessRun(trainer: trainer, metrics: nil)
            let outcome = Mutex<RunOutcome?>(nil)
            let ended = BoundedWait.finishes { outcome.withLock { $0 = try? run.run() } }
            #expect(ended, "the headless run did not finish within \(Int(BoundedWait.seconds)) s")
            return outcome.withLock { $0 } ?? .interrupted
        }
        #expect(outcome == .completed)

        var watcher = EventFolderWatcher(roots: [folder + "/tb"])
        let poll = watcher.poll()
        #expect(poll.notices.isEmpty)
        var run = RunLog(name: "tb")
        for event in poll.events.flatMap(\.events) { run.add(event) }
        for tag in ["loss/D", "loss/G", "D(x)", "D(G(z))", "steps_per_sec"] {
            #expect(run.scalars[tag]?.steps == [1, 2, 4, 6], "\(tag)")
        }
        let samples = try #require(run.images["samples"])
        #expect(samples.entries.map(\.step) == [0, 3, 6])
        // The 64 fixed-noise samples of 4×4 pixels in 8 columns with 1-pixel gaps: 8·4 + 7.
        #expect(samples.entries.allSatisfy { $0.image.width == 39 && $0.image.height == 39 && $0.image.colorspace == 1 })
    }
}
