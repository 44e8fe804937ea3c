import Foundation
import GAN

/// Writes one JSON object per logged step to a file (`--log-jsonl`), and one per evaluation:
/// `{"eval": true, "step": …, "seconds": …}` plus every figure that was measured (the
/// `EvaluationReport` fields by name; figures that do not apply to the data set are left out).
final class JSONLinesLogger: @unchecked Sendable {
    /// One line of the log; the keys are the documented format.
    struct Line: Encodable {
        var step: Int
        var lossD: Float
        var lossG: Float
        var meanDx: Float
        var meanDGz: Float
        var stepsPerSec: Double
        var wallSeconds: Double
    }

    private let handle: FileHandle
    private let every: Int
    private let encoder = JSONEncoder()
    private let path: String
    private var failed = false  // only touched from the trainer's thread

    init(path: String, every: Int) throws {
        // open(2), not FileManager.createFile: that one writes a temporary file and renames it
        // over the path, which would replace a device such as /dev/full or /dev/stdout.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CLIError("cannot write the log file \(path): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        self.handle = handle
        self.every = every
        self.path = path
        encoder.outputFormatting = [.sortedKeys]
    }

    /// An evaluation's line: the report's fields with `"eval": true`, so readers can tell the kinds apart.
    struct EvaluationLine: Encodable {
        var report: EvaluationReport

        private enum Key: String, CodingKey { case eval }

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(true, forKey: .eval)
        }
    }

    func handle(_ event: TrainerEvent) {
        if case .evaluation(let report) = event {
            write(EvaluationLine(report: report))
            return
        }
        guard case .step(let m) = event, m.step % every == 0 || m.step == 1 else { return }
        let line = Line(step: m.step, lossD: m.result.discriminatorLoss, lossG: m.result.generatorLoss,
                        meanDx: m.result.meanRealScore, meanDGz: m.result.meanFakeScore,
                        stepsPerSec: m.stepsPerSecond, wallSeconds: m.elapsed)
        write(line)
    }

    private func write(_ line: some Encodable) {
        guard !failed, let data = try? encoder.encode(line) else { return }
        do {
            try handle.write(contentsOf: data + Data("\n".utf8))
        } catch {
            // Disk full or the file vanished: say so once and keep training.
            failed = true
            FileHandle.standardError.write(Data("ganscope: stopped logging to \(path): \(error.localizedDescription)\n".utf8))
        }
    }

    func close() { try? handle.close() }
}
