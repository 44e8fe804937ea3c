import Foundation
import Synchronization
import GAN

/// Writes one JSON object per logged step to a file (`--log-jsonl`): the GAN's `lossD`, `lossG`,
/// `meanDx`, `meanDGz`, or the autoencoders' `reconstruction` and (VAE) `kl` and `elbo`, each with
/// `step`, `stepsPerSec` and `wallSeconds`; one per evaluation:
/// `{"eval": true, "step": …, "seconds": …}` plus every figure that was measured (the
/// `EvaluationReport` fields by name; figures that do not apply to the data set are left out),
/// and one per update by hand or change of setting: `{"control": …, "step": …, "value": …}`
/// (`ControlRecord`). A compare run's lines each carry the model's name as `model`.
/// Events may come from more than one thread (the trainer's queue, a background note), so the
/// file is written under a lock.
final class JSONLinesLogger: Sendable {
    /// One GAN step's line; the keys are the documented format.
    struct Line: Encodable {
        var step: Int
        var lossD: Float
        var lossG: Float
        var meanDx: Float
        var meanDGz: Float
        var stepsPerSec: Double
        var wallSeconds: Double
    }

    /// One autoencoder or VAE step's line; `kl` and `elbo` are left out for the plain autoencoder.
    struct AutoencoderLine: Encodable {
        var step: Int
        var reconstruction: Float
        var kl: Float?
        var elbo: Float?
        var stepsPerSec: Double
        var wallSeconds: Double
    }

    /// The open file, and whether writing to it has failed (then the log is given up).
    private struct Output {
        let handle: FileHandle
        var failed = false
    }

    private let output: Mutex<Output>
    private let every: Int
    private let path: String

    init(path: String, every: Int) throws {
        // open(2), not FileManager.createFile: that one writes a temporary file and renames it
        // over the path, which would replace a device such as /dev/full or /dev/stdout.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CLIError("cannot write the log file \(path): \(String(cString: strerror(errno)))")
        }
        output = Mutex(Output(handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)))
        self.every = every
        self.path = path
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

    /// The kinds it writes.
    static let kinds: Set<TrainerEvent.Kind> = [.step, .evaluation, .control]

    func handle(_ event: TrainerEvent) { handle(event, model: nil) }

    /// Writes `event`'s line, if it has one; `model` names the run in `ganscope compare`.
    func handle(_ event: TrainerEvent, model: String?) {
        switch event {
        case .evaluation(let report):
            write(EvaluationLine(report: report), model: model)
            return
        case .control(let record):
            write(record, model: model)
            return
        default: break
        }
        // Updates by hand are logged as control lines, not as steps.
        guard case .step(let m) = event, m.manual == nil, m.step % every == 0 || m.step == 1 else { return }
        switch m.losses {
        case .adversarial(let result):
            write(Line(step: m.step, lossD: result.discriminatorLoss, lossG: result.generatorLoss,
                       meanDx: result.meanRealScore, meanDGz: result.meanFakeScore,
                       stepsPerSec: m.stepsPerSecond, wallSeconds: m.elapsed), model: model)
        case .autoencoder(let terms):
            write(AutoencoderLine(step: m.step, reconstruction: terms.reconstruction, kl: terms.kl, elbo: terms.elbo,
                                  stepsPerSec: m.stepsPerSecond, wallSeconds: m.elapsed), model: model)
        }
    }

    /// A line with the run's model added as `model` (nil: left out, as in a single run's log).
    struct ModelLine<Content: Encodable>: Encodable {
        var content: Content
        var model: String?

        private enum Key: String, CodingKey { case model }

        func encode(to encoder: any Encoder) throws {
            try content.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encodeIfPresent(model, forKey: .model)
        }
    }

    private func write(_ line: some Encodable, model: String?) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(ModelLine(content: line, model: model)) else { return }
        output.withLock { output in
            guard !output.failed else { return }
            do {
                try output.handle.write(contentsOf: data + Data("\n".utf8))
            } catch {
                // Disk full or the file vanished: say so once and keep training.
                output.failed = true
                FileHandle.standardError.write(
                    Data("ganscope: stopped logging to \(path): \(error.localizedDescription)\n".utf8))
            }
        }
    }

    func close() { output.withLock { try? $0.handle.close() } }
}
