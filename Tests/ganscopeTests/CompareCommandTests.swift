import ArgumentParser
import Foundation
@testable import GAN
import Synchronization
import TestSupport
import Testing
@testable import ganscope

/// `ganscope compare` through the real command path: its options, refused in one line before
/// anything loads; a headless run that logs, evaluates and saves every model; the table.
@Suite struct CompareCommandTests {
    let folder = NSTemporaryDirectory() + "ganscope-compare-\(UInt64.random(in: 0 ... .max))"

    private func command(_ arguments: [String]) throws -> CompareCommand {
        try #require(try Ganscope.parseAsRoot(["compare"] + arguments) as? CompareCommand)
    }

    /// The one-line usage error `arguments` get (nil if they are accepted).
    private func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try command(arguments)
            return nil
        } catch {
            return Ganscope.usageErrorLine(for: error) ?? "not a usage error: \(error)"
        }
    }

    @Test func modelsAreParsedInOrder() throws {
        #expect(try command(["--models", "gan,vae,ae"]).models.choices == [.mlp, .vae, .ae])
        #expect(try command(["--models", "vae,dcgan", "--dataset", "digits", "--steps", "10"]).models.choices == [.vae, .dcgan])
        #expect(ComparedModels.name(of: .mlp) == "gan")
    }

    @Test func helpOffersOnlyWhatCompareTakes() throws {
        // --model and --resume are train's: compare's help leaves them out (it refuses them),
        // train's lists them, and train still hands them to the run.
        let lines = { (help: String) in help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
        let compareHelp = lines(CompareCommand.helpMessage(columns: 100))
        let trainHelp = lines(TrainCommand.helpMessage(columns: 100))
        for option in ["--model <", "--resume <"] {
            #expect(!compareHelp.contains { $0.hasPrefix(option) }, "compare offers \(option)")
            #expect(trainHelp.contains { $0.hasPrefix(option) }, "train does not offer \(option)")
        }
        #expect(compareHelp.contains { $0.hasPrefix("--models <") })
        let train = try #require(try Ganscope.parseAsRoot(["train", "--model", "vae", "--resume", "r.safetensors"])
            as? TrainCommand)
        #expect(train.training.model == .vae && train.checkpoints.resume == "r.safetensors")
    }

    @Test func badModelListsAndOptionsAreOneLineUsageErrors() throws {
        let cases: [([String], String)] = [
            (["--models", "gan,vea"], "unknown model \"vea\"; allowed: gan, dcgan, ae, vae"),
            (["--models", "gan,vae,gan"], "gan is named twice"),
            (["--models", "vae"], "name two or more models"),
            (["--models", "gan,,vae"], "unknown model \"\""),
            (["--models", "gan,vae", "--k", "2"], "--k: not for --model vae, which has no discriminator"),
            (["--models", "gan,ae", "--beta", "2"], "--beta: only for --model ae|vae; this run trains a GAN"),
            (["--models", "gan,vae", "--model", "ae"], "--model: compare takes its models from --models"),
            (["--models", "gan,vae", "--resume", "x.safetensors"], "--resume: compare starts new runs"),
            (["--dataset", "digits"], "--models"),
        ]
        for (arguments, expected) in cases {
            let line = try #require(refusal(arguments), "\(arguments) was accepted")
            #expect(line.hasPrefix("ganscope: ") && !line.contains("\n") && line.contains(expected), "\(line)")
        }
        #expect(refusal(["--models", "vae,ae", "--reconstruction-loss", "mse", "--lr-g", "1e-3"]) == nil)
    }

    /// Every row of the table is a step, every column a model's figure; "-" where a model has
    /// no report at that step.
    @Test func theTableListsEachModelsFiguresByStep() {
        let table = CompareTable(models: ["gan", "vae"])
        #expect(table.text == "ganscope: no evaluation finished, so there is no table of metrics")
        for (model, step, fcd, classes) in [(0, 1000, 41.5, 9), (1, 1000, 80.25, 10), (0, 5000, 12.0, 10)] {
            var report = EvaluationReport(step: step)
            report.frechetDistance = fcd
            report.classesCovered = classes
            report.classCount = 10
            table.record(model: model, report)
        }
        #expect(table.text == """
            metrics of each model by step (FCD: lower is closer to the data):
            step  gan FCD  gan classes  vae FCD  vae classes
            1000    41.50         9/10    80.25        10/10
            5000    12.00        10/10        -            -
            """)
    }

    @Test func theOutcomeIsTheWorstOfTheRuns() {
        #expect(HeadlessRun.outcome([.finished, .finished]) == .completed)
        #expect(HeadlessRun.outcome([.finished, .stopped]) == .interrupted)
        #expect(HeadlessRun.outcome([.stopped, .diverged("x")]) == .diverged)
    }

    /// A GAN and an AE on `ring`, headless: every log line names its model, each model is
    /// evaluated, and `--save-on-exit` leaves one snapshot per model, named by it.
    @Test func headlessRunLogsEvaluatesAndSavesEveryModel() throws {
        try BLASThreadPin.pinned(to: 1) {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let log = folder + ".jsonl"
            defer { try? FileManager.default.removeItem(atPath: log) }
            let compare = try command(["--models", "gan,ae", "--headless", "--dataset", "ring", "--batch", "16",
                                       "--threads", "1", "--steps", "20", "--eval-every", "20", "--save-on-exit",
                                       "--checkpoint-dir", folder])
            let session = try CompareSession(models: compare.models, training: compare.training,
                                             checkpoints: compare.checkpoints, headless: true)
            let table = CompareTable(models: session.names)
            let outcome = try session.run(logFile: log, logEvery: 10) { trainer in
                let run = HeadlessRun(trainer: trainer, metrics: session.metrics, labels: session.names,
                                      evaluations: table.record)
                let outcome = Mutex<RunOutcome?>(nil)
                let ended = BoundedWait.finishes { outcome.withLock { $0 = try? run.run() } }
                #expect(ended, "the headless run did not finish within \(Int(BoundedWait.seconds)) s")
                if !ended { trainer.stop() }
                return outcome.withLock { $0 } ?? .interrupted
            }
            #expect(outcome == .completed)
            let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            let steps = lines.filter { $0["eval"] == nil }
            #expect(steps.filter { $0["model"] as? String == "gan" }.map { $0["step"] as? Int } == [1, 10, 20])
            #expect(steps.filter { $0["model"] as? String == "ae" }.map { $0["step"] as? Int } == [1, 10, 20])
            #expect(steps.allSatisfy { ($0["model"] as? String == "gan") == ($0["lossD"] != nil) })
            #expect(lines.filter { $0["eval"] as? Bool == true }.compactMap { $0["model"] as? String } == ["gan", "ae"])
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".safetensors") }
            #expect(files.sorted() == ["ring-0-ae-000020.safetensors", "ring-0-gan-000020.safetensors"])
            #expect(table.text.contains("gan modes") && table.text.contains("ae modes"))
            #expect(table.text.split(separator: "\n").last?.hasPrefix("  20  ") == true)
        }
    }
}
