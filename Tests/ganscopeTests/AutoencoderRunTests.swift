import ArgumentParser
import Dashboard
import Datasets
import Foundation
@testable import GAN
import NeuralNet
import Synchronization
import TestSupport
import Testing
@testable import ganscope

/// `train --model ae|vae` through the real command path: its options, checked against the
/// model; a headless run with metrics, log and snapshot; a resumed run that continues exactly;
/// the dashboard starting on one. Runs hold BLAS's thread count and are bounded.
@Suite struct AutoencoderRunTests {
    let folder = NSTemporaryDirectory() + "ganscope-autoencoder-\(UInt64.random(in: 0 ... .max))"

    private func command(_ arguments: [String]) throws -> TrainCommand {
        try #require(try Ganscope.parseAsRoot(["train"] + arguments) as? TrainCommand)
    }

    // MARK: options

    @Test func optionsTheModelHasNoUseForAreRefused() throws {
        func problem(_ arguments: [String]) throws -> String? { try command(arguments).training.modelOptionProblem }
        #expect(try problem(["--model", "vae", "--k", "2", "--loss", "minimax"])
            == "--k, --loss: not for --model vae, which has no discriminator")
        #expect(try problem(["--model", "ae", "--beta", "2", "--kl-warmup", "5"])
            == "--beta, --kl-warmup: not for --model ae, which has no discriminator and no KL term")
        #expect(try problem(["--model", "ae", "--batch-norm"])
            == "--batch-norm: only with --network dcgan (the MLP has no convolutions)")
        #expect(try problem(["--model", "dcgan", "--network", "dcgan"]) == "--network: only for --model ae|vae; this run trains a GAN")
        #expect(try problem(["--model", "vae", "--network", "dcgan", "--batch-norm"]) == nil)
        #expect(try problem(["--beta", "2"]) == "--beta: only for --model ae|vae; this run trains a GAN")
        #expect(try problem(["--model", "dcgan", "--reconstruction-loss", "mse"])
            == "--reconstruction-loss: only for --model ae|vae; this run trains a GAN")
        #expect(try problem(["--model", "vae", "--beta", "4", "--kl-warmup", "100", "--reconstruction-loss", "mse",
                             "--lr-g", "1e-3", "--z-dim", "2"]) == nil)
        #expect(try problem(["--model", "ae", "--reconstruction-loss", "bce"]) == nil)
    }

    @Test func theModelsOptionsReachTheRun() throws {
        let image = DataShape.image(width: 28, height: 28)
        let vae = try command(["--model", "vae", "--beta", "0.5", "--kl-warmup", "100", "--reconstruction-loss", "mse"])
        #expect(vae.training.autoencoderOptions(for: image)
            == AutoencoderOptions(kind: .vae, beta: 0.5, klWarmupSteps: 100, reconstruction: .mse))
        #expect(vae.training.config(defaultSteps: nil).model == nil)  // the MLP networks
        // BCE needs pixels; 2-D points reconstruct with MSE unless told otherwise.
        let plain = try command(["--model", "ae"])
        #expect(plain.training.autoencoderOptions(for: image) == AutoencoderOptions(kind: .ae, reconstruction: .bce))
        #expect(plain.training.autoencoderOptions(for: .points) == AutoencoderOptions(kind: .ae, reconstruction: .mse))
        #expect(try command(["--model", "dcgan"]).training.autoencoderOptions(for: image) == nil)
        // --network picks the autoencoder's layers; --model dcgan stays the DCGAN GAN.
        let convolutional = try command(["--model", "ae", "--network", "dcgan", "--batch-norm"]).training
        #expect(convolutional.config(defaultSteps: nil).model == .dcgan)
        #expect(convolutional.config(defaultSteps: nil).batchNorm == true)
        #expect(try command(["--model", "vae", "--network", "mlp"]).training.config(defaultSteps: nil).model == nil)
        #expect(try command(["--model", "dcgan"]).training.config(defaultSteps: nil).model == .dcgan)
    }

    /// The DCGAN's layers on data they cannot take: one line naming the options and the data, before
    /// anything is written.
    @Test func aConvolutionalAutoencoderOnPointsIsAUsageError() throws {
        let train = try command(["--headless", "--model", "vae", "--network", "dcgan", "--dataset", "ring",
                                 "--checkpoint-dir", folder])
        do {
            _ = try TrainingSession(training: train.training, checkpoints: train.checkpoints, headless: true)
            Issue.record("a DCGAN VAE on ring was accepted")
        } catch {
            let line = try #require(Ganscope.usageErrorLine(for: error))
            #expect(line == "ganscope: --model vae --network dcgan: the DCGAN needs an image data set; 2-D point sets train "
                + "the MLP (data set ring)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func badModelOptionsAreOneLineUsageErrors() throws {
        for arguments in [["--model", "gan"], ["--reconstruction-loss", "l1"], ["--beta", "-0.5"], ["--beta", "nan"]] {
            do {
                _ = try command(arguments)
                Issue.record("\(arguments) was accepted")
            } catch {
                let line = try #require(Ganscope.usageErrorLine(for: error), "\(arguments)")
                #expect(!line.contains("\n") && line.contains(arguments[0]), "\(line)")
            }
        }
        // Refused before anything is loaded or written.
        let refused = try command(["--headless", "--model", "vae", "--k", "3", "--checkpoint-dir", folder])
        #expect(throws: ValidationError.self) {
            _ = try TrainingSession(training: refused.training, checkpoints: refused.checkpoints, headless: true)
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    // MARK: runs

    /// A headless run of `arguments` (on `ring`, one thread, in `folder`) to its end.
    private func runHeadless(_ arguments: [String], log: String? = nil) throws -> RunOutcome {
        let train = try command(["--headless", "--dataset", "ring", "--batch", "16", "--threads", "1",
                                 "--checkpoint-dir", folder] + arguments)
        let session = try TrainingSession(training: train.training, checkpoints: train.checkpoints, headless: true)
        let metrics = session.metrics
        return try session.run(logFile: log, logEvery: 10, dumpSamples: nil) { trainer in
            let run = HeadlessRun(trainer: trainer, metrics: metrics)
            let outcome = Mutex<RunOutcome?>(nil)
            let ended = BoundedWait.finishes { outcome.withLock { $0 = try? run.run() } }
            #expect(ended, "the headless run did not finish within \(Int(BoundedWait.seconds)) s")
            return outcome.withLock { $0 } ?? .interrupted
        }
    }

    private func logLines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// A VAE on `ring` trains headless with metrics on its decoded prior samples, logs its terms
    /// and saves on exit; resumed from that snapshot it ends where an uninterrupted run ends.
    @Test func headlessRunLogsEvaluatesSavesAndResumesExactly() throws {
        try BLASThreadPin.pinned(to: 1) { try trainSaveAndResume() }
    }

    private func trainSaveAndResume() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = folder + "-first.jsonl"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let vae = ["--model", "vae", "--kl-warmup", "10", "--eval-every", "20", "--save-on-exit"]
        #expect(try runHeadless(vae + ["--steps", "20", "--run-name", "split"], log: log) == .completed)
        let lines = try logLines(log)
        let steps = lines.filter { $0["eval"] == nil }
        #expect(steps.map { $0["step"] as? Int } == [1, 10, 20])
        for line in steps {
            let reconstruction = try #require(line["reconstruction"] as? Double)
            let kl = try #require(line["kl"] as? Double)
            let elbo = try #require(line["elbo"] as? Double)
            #expect(abs(elbo + reconstruction + kl) <= 1e-3 * max(1, abs(elbo)))
            #expect(line["lossD"] == nil)
        }
        // The evaluation measures the decoded prior samples with the GAN's figures for 2-D sets.
        let evaluation = try #require(lines.first { $0["eval"] as? Bool == true })
        #expect(evaluation["step"] as? Int == 20 && evaluation["modesCaptured"] is Int && evaluation["modeCount"] as? Int == 8)
        #expect(evaluation["discriminatorAUC"] == nil)  // no discriminator to judge with

        let saved = folder + "/split-000020.safetensors"
        let firstHalf = try AutoencoderCheckpoint.load(path: saved)
        #expect(firstHalf.info.options == AutoencoderOptions(kind: .vae, klWarmupSteps: 10, reconstruction: .mse))
        #expect(firstHalf.info.step == 20)

        #expect(try runHeadless(["--resume", saved, "--steps", "30", "--save-on-exit"]) == .completed)
        #expect(try runHeadless(vae + ["--steps", "30", "--run-name", "whole"]) == .completed)
        let resumed = try AutoencoderCheckpoint.load(path: folder + "/split-000030.safetensors")
        let whole = try AutoencoderCheckpoint.load(path: folder + "/whole-000030.safetensors")
        // One thread, the same operations in the same order: bit for bit.
        #expect(resumed.encoder == whole.encoder && resumed.decoder == whole.decoder)
        #expect(resumed.encoderOptimizer == whole.encoderOptimizer && resumed.info.rng == whole.info.rng)
        #expect(resumed.info.lastResult == whole.info.lastResult)
    }

    @Test func resumingRefusesOptionsThatContradictTheSnapshot() throws {
        try BLASThreadPin.pinned(to: 1) {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            #expect(try runHeadless(["--model", "ae", "--steps", "2", "--eval-every", "0", "--save-on-exit",
                                     "--run-name", "plain"]) == .completed)
            let saved = folder + "/plain-000002.safetensors"
            for (arguments, conflict) in [(["--model", "vae"], "--model vae (checkpoint: ae)"),
                                          (["--reconstruction-loss", "bce"], "--reconstruction-loss bce (checkpoint: mse)"),
                                          (["--k", "2"], "--k 2 (checkpoint: 1)"),
                                          (["--network", "dcgan"], "--network dcgan (checkpoint: mlp)")] {
                let train = try command(["--headless", "--resume", saved, "--steps", "4", "--checkpoint-dir", folder]
                                        + arguments)
                do {
                    _ = try TrainingSession(training: train.training, checkpoints: train.checkpoints, headless: true)
                    Issue.record("\(arguments) was accepted on resume")
                } catch {
                    #expect("\(error)".contains(conflict), "\(error)")
                }
            }
        }
    }

    /// The dashboard starts on an autoencoder's trainer and runs it to the end.
    @Test func theDashboardRunsAnAutoencoder() throws {
        try BLASThreadPin.pinned(to: 1) {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let train = try command(["--model", "vae", "--dataset", "ring", "--steps", "15", "--batch", "16",
                                     "--threads", "1", "--eval-every", "0", "--checkpoint-dir", folder])
            let session = try TrainingSession(training: train.training, checkpoints: train.checkpoints, headless: false)
            let outcome = try session.run(logFile: nil, logEvery: 10, dumpSamples: nil) { trainer in
                #expect(trainer.info.family == .variationalAutoencoder)
                let screen = QuitWhenShown("FINISHED", giveUpAt: Date(timeIntervalSinceNow: BoundedWait.seconds))
                let state = AppState.training(trainer, themes: .builtIn, themeName: nil, display: .full)
                let final = DashboardApp(state: state, screen: screen, trainer: trainer,
                                         terminationRequested: { false }).run()
                return final.trainerState == .finished ? .completed : .interrupted
            }
            #expect(outcome == .completed)
        }
    }
}
