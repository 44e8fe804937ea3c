import Foundation
import Metrics

/// What `ganscope detect` prints: each detector's held-out accuracy and ROC AUC, and with
/// `--images` one row per file (marking, probability of fake by each detector); as text tables
/// or one JSON object.
struct DetectReport: Encodable {
    struct File: Encodable {
        var file: String
        var marked: Bool
        var verdict: FakeDetectors.Verdict
    }

    struct Counts: Encodable {
        var real: Int
        var fake: Int
    }

    var checkpoint: String
    var step: Int
    var real: String
    var trained: Counts
    var heldOut: Counts
    var scores: FakeDetectors.Scores
    var files: [File]?

    init(checkpoint: String, step: Int, real: String, detectors: FakeDetectors, files: [File]?) {
        self.checkpoint = checkpoint
        self.step = step
        self.real = real
        trained = Counts(real: detectors.trainCount.real, fake: detectors.trainCount.fake)
        heldOut = Counts(real: detectors.testCount.real, fake: detectors.testCount.fake)
        scores = detectors.scores
        self.files = files
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func text() -> String {
        var lines = [
            "\(checkpoint) (step \(step)) against \(real): trained on \(trained.real) real + \(trained.fake) fake, "
                + "scored on \(heldOut.real) + \(heldOut.fake) held out",
            Self.pad("detector", 22) + Self.pad("accuracy", 10, right: true) + Self.pad("ROC AUC", 10, right: true),
        ]
        let rows: [(String, DetectorScore?)] = [("D of the checkpoint", scores.discriminator),
                                                ("pixel probe", scores.probe), ("spectral", scores.spectral)]
        for (name, score) in rows {
            guard let score else { continue }
            lines.append(Self.pad(name, 22) + Self.pad(String(format: "%.1f%%", 100 * score.accuracy), 10, right: true)
                         + Self.pad(String(format: "%.3f", score.auc), 10, right: true))
        }
        guard let files else { return lines.joined(separator: "\n") }
        let nameWidth = max(4, files.map(\.file.count).max() ?? 0) + 2
        lines.append("")
        lines.append("probability of fake per file (marked: carries the XMP AI-generated marking)")
        lines.append(Self.pad("file", nameWidth) + Self.pad("marked", 8) + Self.pad("D", 8, right: true)
                     + Self.pad("probe", 8, right: true) + Self.pad("spectral", 10, right: true))
        for file in files {
            let d = file.verdict.discriminator.map { String(format: "%.3f", $0) } ?? "-"
            lines.append(Self.pad(file.file, nameWidth) + Self.pad(file.marked ? "yes" : "no", 8)
                         + Self.pad(d, 8, right: true) + Self.pad(String(format: "%.3f", file.verdict.probe), 8, right: true)
                         + Self.pad(String(format: "%.3f", file.verdict.spectral), 10, right: true))
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
