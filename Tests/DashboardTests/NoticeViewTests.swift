@testable import Dashboard
import TerminalUI
import Testing

/// A notice too long for the footer (a snapshot's full path, a reason naming a file) wraps
/// upwards over the panels on every screen, so none of it is lost at the right edge.
@Suite struct NoticeViewTests {
    static let long = "snapshot not loaded: cannot run the generator: no BLAS library found (tried "
        + "libopenblas.so.0, libblas.so.3): install libopenblas0-pthread; the explorer keeps run-0-003000.safetensors"

    /// The bottom rows of `lines` that hold the notice, trimmed, joined with spaces.
    static func noticeText(_ lines: [String], rows: Int) -> String {
        lines.suffix(rows).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test func aLongNoticeWrapsOverThePanelsOnEveryScreen() {
        var training = Fixtures.trainingState()
        training.post(Self.long, level: .warning)
        var compare = CompareState(runs: CompareViewTests.runs())
        compare.post(Self.long, level: .warning)
        var watch = WatchState()
        watch.post(Self.long, level: .warning)
        let screens = [("train", view(training, size: (80, 24))), ("compare", compareView(compare, size: (80, 24))),
                       ("watch", watchView(watch, size: (80, 24)))]
        for (name, grid) in screens {
            let lines = grid.lines()
            #expect(Self.noticeText(lines, rows: 3) == Self.long, "\(name): \(lines.suffix(4))")
            // The panels above keep their rows; the notice takes only the three it needs.
            #expect(!lines[lines.count - 4].contains("libopenblas"), "\(name)")
            #expect(grid[0, 21].style == grid[0, 23].style, "\(name): the band is one colour")
        }
    }

    @Test func aShortNoticeKeepsToTheFooter() throws {
        var state = Fixtures.trainingState()
        state.post("snapshot saved: ck/faces-0-000120.safetensors (step 120)")
        let lines = view(state, size: (80, 24)).lines()
        #expect(lines[23].hasPrefix(" snapshot saved: ck/faces-0-000120.safetensors (step 120) "))
        #expect(lines[22] == view(Fixtures.trainingState(), size: (80, 24)).lines()[22])
    }

    @Test func anAreaWithNoRowsGetsNothingDrawnAroundIt() {
        var grid = CellGrid.filled(width: 20, height: 3)
        let notice = Notice(text: "a notice of several words", level: .info, expires: 1)
        NoticeLine(notice: notice, palette: Palette(theme: .builtInDefault, display: .full))
            .render(into: &grid, area: Rect(x: 0, y: 2, width: 20, height: 0))
        #expect(grid.lines() == CellGrid.filled(width: 20, height: 3).lines())
    }

    @Test func aNoticeLongerThanThreeRowsEndsWithAnEllipsis() {
        var state = Fixtures.trainingState()
        state.post(String(repeating: "word ", count: 60))
        let lines = view(state, size: (80, 24)).lines()
        #expect(lines[23].trimmingCharacters(in: .whitespaces).hasSuffix("word…"), "\(lines[23])")
        #expect(!lines[20].contains("word"), "\(lines[20])")
        var ascii = Fixtures.trainingState(display: DisplayCapabilities(depth: .monochrome, glyphs: .ascii))
        ascii.post(String(repeating: "word ", count: 60))
        #expect(view(ascii, size: (80, 24)).lines()[23].trimmingCharacters(in: .whitespaces).hasSuffix("word..."))
    }
}
