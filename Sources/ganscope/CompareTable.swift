import GAN
import Synchronization

/// `compare --headless`: the metrics of every model at each evaluated step, as one table printed
/// at the end, so the models compare at a glance. Columns are the figures some evaluation
/// measured: FCD and classes covered on images, modes and JS divergence on 2-D sets.
final class CompareTable: Sendable {
    private let models: [String]
    /// Reports by step, then by model index.
    private let reports = Mutex<[Int: [Int: EvaluationReport]]>([:])

    init(models: [String]) {
        self.models = models
    }

    /// Keeps `report` of the model at `model` (an index into the names); any thread.
    @Sendable func record(model: Int, _ report: EvaluationReport) {
        reports.withLock { $0[report.step, default: [:]][model] = report }
    }

    /// One figure as the table shows it.
    private struct Figure: Sendable {
        let name: String
        let text: @Sendable (EvaluationReport) -> String?
    }

    private static let figures = [
        Figure(name: "FCD") { $0.frechetDistance.map { String(format: "%.2f", $0) } },
        Figure(name: "classes") { r in r.classesCovered.flatMap { c in r.classCount.map { "\(c)/\($0)" } } },
        Figure(name: "modes") { r in r.modesCaptured.flatMap { c in r.modeCount.map { "\(c)/\($0)" } } },
        Figure(name: "JS") { $0.jsDivergence.map { String(format: "%.3f", $0) } },
    ]

    /// The table: a title, a header row and a row per evaluated step ("-": not measured then);
    /// a line saying so when nothing was evaluated.
    var text: String {
        let reports = reports.withLock { $0 }
        let all = reports.values.flatMap(\.values)
        let figures = Self.figures.filter { figure in all.contains { figure.text($0) != nil } }
        guard !figures.isEmpty else { return "ganscope: no evaluation finished, so there is no table of metrics" }
        let header = ["step"] + models.flatMap { model in figures.map { "\(model) \($0.name)" } }
        let rows = reports.keys.sorted().map { step in
            ["\(step)"] + models.indices.flatMap { model in
                figures.map { figure in reports[step]?[model].flatMap(figure.text) ?? "-" }
            }
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let lines = ([header] + rows).map { row in
            zip(row, widths).map { String(repeating: " ", count: $1 - $0.count) + $0 }.joined(separator: "  ")
        }
        let note = figures.contains { $0.name == "FCD" } ? " (FCD: lower is closer to the data)" : ""
        return (["metrics of each model by step\(note):"] + lines).joined(separator: "\n")
    }
}
