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

    init(path: String, every: Int) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CLIError("cannot write the log file \(path): check the folder exists and is writable")
        }
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
        guard let data = try? encoder.encode(line) else { return }
        handle.write(data + Data("\n".utf8))
    }

    func close() { try? handle.close() }
}
