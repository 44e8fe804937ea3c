import TerminalUI

/// Every run's Fréchet distance at its evaluations, one line each: the runs evaluate every
/// `--eval-every` steps from the same start, so the n-th points of all lines share a step.
struct FrechetChart: Widget {
    let runs: [AppState]
    let palette: Palette

    private var lines: [[Float]] {
        runs.map { run in run.evaluations.map { $0.frechetDistance.map(Float.init) ?? .nan } }
    }

    var hasValues: Bool { lines.contains { $0.contains { !$0.isNaN } } }

    func render(into grid: inout CellGrid, area: Rect) {
        let styles = [palette.generator, palette.discriminator, palette.real, palette.fake]
        let longest = runs.max { $0.evaluations.count < $1.evaluations.count }?.evaluations ?? []
        // Lines of unequal length are padded so that their points keep their steps.
        let length = longest.count
        let series = zip(runs, lines).enumerated().map { index, pair in
            ChartSeries(name: pair.0.model.shortName,
                        values: pair.1 + [Float](repeating: .nan, count: length - pair.1.count),
                        style: styles[index % styles.count])
        }
        BrailleLineChart(series: series, xStartLabel: longest.first.map { "step \($0.step)" },
                         xEndLabel: longest.last.map { "step \($0.step)" }, glyphs: palette.glyphs,
                         axisStyle: palette.muted)
            .render(into: &grid, area: area)
    }
}
