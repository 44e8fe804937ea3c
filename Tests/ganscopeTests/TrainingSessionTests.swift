import Dashboard
import Foundation
import GAN
import ImageIO
import Synchronization
import TerminalUI
import TestSupport
import Testing
@testable import ganscope

/// What a training run leaves behind does not depend on the front end: the dashboard and a
/// headless run write the same JSON log; a refused run writes nothing. The runs hold BLAS's
/// thread count (`BLASThreadPin`) and are bounded (`BoundedWait`), so a broken loop fails.
@Suite struct TrainingSessionTests {
    let folder = NSTemporaryDirectory() + "ganscope-session-\(UInt64.random(in: 0 ... .max))"

    private func command(_ extra: [String]) throws -> TrainCommand {
        let parsed = try Ganscope.parseAsRoot(["train", "--dataset", "ring", "--steps", "30", "--batch", "16",
                                               "--threads", "1", "--eval-every", "0",
                                               "--checkpoint-dir", folder + "/checkpoints"] + extra)
        return try #require(parsed as? TrainCommand)
    }

    /// The `step` of each line of the JSON log at `path`.
    private func loggedSteps(_ path: String) throws -> [Int] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object?["step"] as? Int)
        }
    }

    @Test func dashboardAndHeadlessWriteTheSameLog() throws {
        try BLASThreadPin.pinned(to: 1) { try writeBothLogs() }
    }

    private func writeBothLogs() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        let headlessLog = folder + "/headless.jsonl"
        let headless = try command(["--headless", "--log-jsonl", headlessLog, "--log-every", "10"])
        let headlessSession = try TrainingSession(training: headless.training, checkpoints: headless.checkpoints,
                                                  headless: true)
        let headlessOutcome = try headlessSession.run(logFile: headless.logFile, logEvery: headless.logEvery,
                                                         dumpSamples: nil, frontEnd: Self.headless)

        let dashboardLog = folder + "/dashboard.jsonl"
        let dashboard = try command(["--steps", "30", "--log-jsonl", dashboardLog, "--log-every", "10"])
        let dashboardSession = try TrainingSession(training: dashboard.training, checkpoints: dashboard.checkpoints,
                                                   headless: false)
        let dashboardOutcome = try dashboardSession.run(logFile: dashboard.logFile, logEvery: dashboard.logEvery,
                                                        dumpSamples: nil) {
            trainer in
            let screen = QuitWhenShown("FINISHED", giveUpAt: Date(timeIntervalSinceNow: BoundedWait.seconds))
            let state = AppState.training(trainer, themes: .builtIn, themeName: nil, display: .full)
            let final = DashboardApp(state: state, screen: screen, trainer: trainer,
                                     terminationRequested: { false }).run()
            return final.trainerState == .finished ? .completed : .interrupted
        }

        #expect(headlessOutcome == .completed && dashboardOutcome == .completed, "a run did not finish")
        #expect(try loggedSteps(headlessLog) == [1, 10, 20, 30])
        #expect(try loggedSteps(dashboardLog) == [1, 10, 20, 30])
    }

    /// The headless front end, bounded: a trainer that never finishes fails the test instead of hanging it.
    private static func headless(_ trainer: Trainer) -> RunOutcome {
        let run = HeadlessRun(trainer: trainer, metrics: nil)
        let outcome = Mutex<RunOutcome?>(nil)
        let ended = BoundedWait.finishes { outcome.withLock { $0 = try? run.run() } }
        #expect(ended, "the headless run did not finish within \(Int(BoundedWait.seconds)) s")
        return outcome.withLock { $0 } ?? .interrupted
    }

    /// `--save-on-exit` with `--dump-samples`: each is attempted whatever became of the other,
    /// and the failure is thrown: a bad samples path costs no snapshot, a failed snapshot still
    /// leaves the samples.
    @Test func aFailedSamplesFileOrSnapshotLosesNeitherTheOtherNorItsError() throws {
        try BLASThreadPin.pinned(to: 1) {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let blocker = folder + "/a-file"
            #expect(FileManager.default.createFile(atPath: blocker, contents: Data()))
            // Eight 28×28 images (an IDX file): pictures to dump, made at once.
            let images = folder + "/images.idx"
            let header: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 8, 0, 0, 0, 28, 0, 0, 0, 28]
            try Data(header + (0..<(8 * 28 * 28)).map { UInt8(truncatingIfNeeded: $0 * 7) }).write(to: URL(fileURLWithPath: images))
            for (checkpoints, samples, failing) in [(folder + "/checkpoints", blocker + "/samples.png", "samples.png"),
                                                    (blocker, folder + "/samples.png", "a-file")] {
                let train = try command(["--headless", "--dataset", "idx:" + images, "--batch", "4", "--steps", "2",
                                         "--save-on-exit", "--run-name", "r", "--checkpoint-dir", checkpoints])
                let session = try TrainingSession(training: train.training, checkpoints: train.checkpoints, headless: true)
                do {
                    _ = try session.run(logFile: nil, logEvery: 10, dumpSamples: samples, frontEnd: Self.headless)
                    Issue.record("the run ended without an error")
                } catch {
                    #expect("\(error)".contains(failing), "\(error)")
                }
            }
            #expect(FileManager.default.fileExists(atPath: folder + "/checkpoints/r-000002.safetensors"))
            #expect(FileManager.default.fileExists(atPath: folder + "/samples.png"))
        }
    }

    /// The warning about a `folder:` set's skipped files, printed before the dashboard opens
    /// where the user never sees it, is also the dashboard's first notice.
    @Test func skippedPicturesAreADashboardNotice() throws {
        try BLASThreadPin.pinned(to: 1) {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let pictures = folder + "/pictures"
            try FileManager.default.createDirectory(atPath: pictures, withIntermediateDirectories: true)
            for index in 0..<4 {
                let pixels = (0..<(28 * 28)).map { UInt8(truncatingIfNeeded: $0 * (index + 1)) }
                try Data(PNGWriter.encode(gray: pixels, width: 28, height: 28))
                    .write(to: URL(fileURLWithPath: pictures + "/\(index).png"))
            }
            try Data("not a picture".utf8).write(to: URL(fileURLWithPath: pictures + "/broken.png"))
            let train = try command(["--dataset", "folder:" + pictures, "--image-size", "28", "--batch", "4"])
            let session = try TrainingSession(training: train.training, checkpoints: train.checkpoints, headless: false)
            #expect(session.loadingWarnings.count == 1)
            #expect(session.loadingWarnings.first?.hasPrefix("skipped 1 unusable file in ") == true)
            let screen = QuitWhenShown("skipped 1 unusable file", giveUpAt: Date(timeIntervalSinceNow: BoundedWait.seconds))
            _ = try session.run(logFile: nil, logEvery: 10, dumpSamples: nil) { trainer in
                let (state, _, messages) = DashboardLauncher.trainingSetup(trainer, display: train.display,
                                                                           warnings: session.loadingWarnings)(.builtIn, .full)
                _ = DashboardApp(state: state, screen: screen, trainer: trainer, initialMessages: messages,
                                 terminationRequested: { false }).run()
                return .completed
            }
            #expect(screen.shown, "the dashboard never showed the warning")
        }
    }

    @Test func aRefusedCombinationWritesNothing() throws {
        // One 200×200 image (an IDX file): 2 × 4,096 rows of 40,000 pixels exceed the buffer limit.
        let images = NSTemporaryDirectory() + "ganscope-large-\(UInt64.random(in: 0 ... .max)).idx"
        var bytes: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 200, 0, 0, 0, 200]
        bytes += [UInt8](repeating: 128, count: 200 * 200)
        try Data(bytes).write(to: URL(fileURLWithPath: images))
        defer {
            try? FileManager.default.removeItem(atPath: images)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let log = folder + "/run.jsonl"
        let parsed = try Ganscope.parseAsRoot(["train", "--headless", "--dataset", "idx:" + images, "--batch", "4096",
                                               "--eval-every", "0", "--checkpoint-dir", folder + "/checkpoints",
                                               "--log-jsonl", log, "--save-on-exit"])
        let train = try #require(parsed as? TrainCommand)
        do {
            try train.run()
            Issue.record("4096 rows of 200×200 images were accepted")
        } catch {
            let line = try #require(Ganscope.usageErrorLine(for: error))
            #expect(line.contains("--batch 4096") && line.contains("40000 values"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}

/// A dashboard screen that presses `q` once a frame shows `text`, or at `giveUpAt` so that a
/// run that never shows it still ends (the loop then stops the trainer).
final class QuitWhenShown: TerminalScreen {
    let size = (columns: 100, rows: 30)
    private let text: String
    private let giveUpAt: Date
    private(set) var shown = false

    init(_ text: String, giveUpAt: Date) {
        self.text = text
        self.giveUpAt = giveUpAt
    }

    func readKey(timeoutMilliseconds: Int32) -> KeyPress? { shown || Date() > giveUpAt ? .char("q") : nil }

    func draw(_ grid: CellGrid) {
        if grid.lines().joined().contains(text) { shown = true }
    }

    func resetColors() {}
}
