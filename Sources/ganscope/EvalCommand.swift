import ArgumentParser
import Foundation
import GAN
import Metrics
import NeuralNet

/// `ganscope eval --checkpoint FILE [--json]`: the learning metrics of a saved snapshot, a GAN's
/// or an autoencoder's, as training reports them every `--eval-every` steps (for an autoencoder,
/// its decoder on draws from the prior, with no discriminator's AUC).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure a checkpoint (GAN, AE or VAE): mode coverage, FCD and classes, D's AUC, detection probe.")

    @Option(help: "A checkpoint (.safetensors) written by ganscope train.")
    var checkpoint: String
    @Flag(help: "Print one JSON object (the format of the evaluation lines in --log-jsonl) instead of text.")
    var json = false

    func run() throws {
        let report = try measure()
        guard json else {
            print(report.summaryLine)
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(JSONLinesLogger.EvaluationLine(report: report))
        print(String(decoding: data, as: UTF8.self))
    }

    /// The snapshot's report, made as the trainer's evaluator hook makes it.
    func measure() throws -> EvaluationReport {
        try BLAS.load()
        // With --json, standard output carries the JSON object alone; progress goes to standard error.
        // The classifier and a picture folder's decoded images are cached beside the snapshot,
        // where its training run keeps them.
        let folder = URL(fileURLWithPath: checkpoint).deletingLastPathComponent().path
        let pictures = TrainingOptions.folderOptions(imageSize: nil, channels: nil, cacheFolder: folder)
        let step = try SavedTrainingStep.load(path: checkpoint, folder: pictures).step
        let evaluator = try GANEvaluator.make(for: step, cache: ClassifierCache(folder: folder)) {
            FileHandle.standardError.write(Data("ganscope: \($0)\n".utf8))
        }
        guard let report = evaluator.evaluate(step) else {
            throw CLIError("\(checkpoint): the metrics cannot draw samples from this model")
        }
        return report
    }
}
