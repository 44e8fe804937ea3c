import ArgumentParser
import Foundation
import GAN
import Metrics
import NeuralNet

/// `ganscope eval --checkpoint FILE [--json]`: the learning metrics of a saved snapshot, as
/// training reports them every `--eval-every` steps.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure a checkpoint: mode coverage, FCD and classes, D's AUC, detection probe.")

    @Option(help: "A checkpoint (.safetensors) written by ganscope train.")
    var checkpoint: String
    @Flag(help: "Print one JSON object (the format of the evaluation lines in --log-jsonl) instead of text.")
    var json = false

    func run() throws {
        try BLAS.load()
        // With --json, standard output carries the JSON object alone; progress goes to standard error.
        // The classifier and a picture folder's decoded images are cached beside the snapshot,
        // where its training run keeps them.
        let folder = URL(fileURLWithPath: checkpoint).deletingLastPathComponent().path
        let pictures = TrainingOptions.folderOptions(imageSize: nil, channels: nil, cacheFolder: folder)
        let gan = try GANStep.resuming(path: checkpoint, folder: pictures).gan
        let evaluator = try GANEvaluator.make(for: gan, cache: ClassifierCache(folder: folder)) {
            FileHandle.standardError.write(Data("ganscope: \($0)\n".utf8))
        }
        let report = evaluator.evaluate(gan)
        guard json else {
            print(report.summaryLine)
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(JSONLinesLogger.EvaluationLine(report: report))
        print(String(decoding: data, as: UTF8.self))
    }
}
