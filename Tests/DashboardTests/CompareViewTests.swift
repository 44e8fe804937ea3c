@testable import Dashboard
@testable import GAN
import TerminalUI
import Testing

/// Runs side by side: a column each and their FCD in one chart.
@Suite struct CompareViewTests {
    /// A GAN and a VAE run, each with FCD at steps 40, 80 and 120 (the VAE's falls slower).
    static func runs() -> [AppState] {
        var gan = Fixtures.trainingState()
        var vae = Fixtures.autoencoderState()
        for (index, step) in [40, 80, 120].enumerated() {
            var report = EvaluationReport(step: step)
            report.frechetDistance = 300 - 100 * Double(index)
            _ = update(&gan, .trainer(.evaluation(report)))
            report.frechetDistance = 300 - 50 * Double(index)
            _ = update(&vae, .trainer(.evaluation(report)))
        }
        return [gan, vae]
    }

    @Test func eachRunHasAColumnAndTheirFCDShareOneChart() throws {
        let grid = compareView(Self.runs(), size: (120, 40))
        let lines = grid.lines()
        #expect(lines[0].hasPrefix(" GAN · step 120 · RUNNING"))
        #expect(lines[0].dropFirst(60).hasPrefix(" VAE · step 120 · RUNNING"))
        #expect(lines[1].hasPrefix("┌ Samples · fixed noise · step 100 "))
        #expect(lines[1].dropFirst(60).hasPrefix("┌ Samples · decoded prior · step 100 "))
        #expect(lines.contains { $0.contains("D ema") && $0.contains("recon ema") })
        let chartTop = try #require(lines.firstIndex { $0.contains("FCD over time") })
        #expect(lines[chartTop + 1].contains("■ GAN  ■ VAE"))
        #expect(lines[chartTop + 2].contains("300"))  // the top of both lines' common scale
        #expect(lines.contains { $0.contains("step 40") && $0.contains("step 120") })
        #expect(lines[39].hasPrefix(" space pause · s snapshot · ? help · q quit"))
        try Golden.check(grid, "compare-gan-vae-120x40")
    }

    @Test func withoutFCDTheColumnsTakeTheWholeBodyAndASCIIWorks() {
        let ascii = DisplayCapabilities(depth: .monochrome, glyphs: .ascii)
        let runs = [Fixtures.trainingState(display: ascii), Fixtures.autoencoderState(display: ascii)]
        let lines = compareView(runs, size: (80, 24)).lines()
        #expect(!lines.contains { $0.contains("FCD") })
        #expect(lines[22].hasPrefix("+") && lines[22].hasSuffix("+"))  // the losses' bottom border
        #expect(lines.joined().unicodeScalars.allSatisfy { $0.isASCII })
        #expect(compareView(runs, size: (60, 10)).lines()[3].contains("Please enlarge"))
        #expect(compareView([], size: (80, 24)).lines().allSatisfy { $0.allSatisfy { $0 == " " } })
    }
}
