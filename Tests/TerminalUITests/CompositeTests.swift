import Testing
@testable import TerminalUI

/// A small dashboard-like frame (title, two boxes, footer) at the sizes real terminals have.
@Suite struct CompositeTests {
    private func frame(width: Int, height: Int, glyphs: Glyphs) -> CellGrid {
        var grid = CellGrid.filled(width: width, height: height, with: " ")
        let rows = grid.bounds.split(.vertical, [.fixed(1), .fill(1), .fixed(1)])
        TextLines([TextLine("ganscope", alignment: .center)]).render(into: &grid, area: rows[0])
        let panels = rows[1].split(.horizontal, [.percent(50), .fill(1)])
        for (panel, title) in zip(panels, ["Loss", "Samples"]) {
            Block(title: title, glyphs: glyphs).render(into: &grid, area: panel)
        }
        TextLines(["q quit  ? help"]).render(into: &grid, area: rows[2])
        return grid
    }

    /// One row across both boxes, `left` and `right` being the texts between the borders.
    private func row(_ width: Int, _ edges: (Character, Character), _ fill: Character,
                     titles: (String, String) = ("", "")) -> String {
        let half = width / 2
        func box(_ boxWidth: Int, _ title: String) -> String {
            let inside = title.isEmpty ? "" : " \(title) "
            return String(edges.0) + inside + String(repeating: fill, count: boxWidth - 2 - inside.count) + String(edges.1)
        }
        return box(half, titles.0) + box(width - half, titles.1)
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func unicodeFrame(width: Int, height: Int) {
        let grid = frame(width: width, height: height, glyphs: .unicode)
        let title = String(repeating: " ", count: (width - 8) / 2) + "ganscope"
        var expected = [title + String(repeating: " ", count: width - title.count)]
        expected.append(row(width, ("┌", "┐"), "─", titles: ("Loss", "Samples")))
        expected += Array(repeating: row(width, ("│", "│"), " "), count: height - 4)
        expected.append(row(width, ("└", "┘"), "─"))
        expected.append("q quit  ? help" + String(repeating: " ", count: width - 14))
        #expect(grid.textDifference(from: expected) == nil)
    }

    @Test func asciiFrameAt80x24() {
        let lines = frame(width: 80, height: 24, glyphs: .ascii).lines()
        #expect(lines[1] == "+ Loss " + String(repeating: "-", count: 32) + "++ Samples " + String(repeating: "-", count: 29) + "+")
        #expect(lines[2] == "|" + String(repeating: " ", count: 38) + "||" + String(repeating: " ", count: 38) + "|")
        #expect(lines[22] == "+" + String(repeating: "-", count: 38) + "++" + String(repeating: "-", count: 38) + "+")
        #expect(lines.allSatisfy { $0.count == 80 })
    }

    @Test func chartAndImagesFillA200x60Layout() {
        var grid = CellGrid.filled(width: 200, height: 60, with: " ")
        let panels = grid.bounds.split(.horizontal, [.fill(2), .fill(1)])
        let chartBlock = Block(title: "Loss", glyphs: .unicode)
        chartBlock.render(into: &grid, area: panels[0])
        let values = (0..<5000).map { Float($0 % 100) / 100 }
        BrailleLineChart(series: [ChartSeries(name: "D", values: values, style: .plain)], glyphs: .unicode)
            .render(into: &grid, area: chartBlock.inner(panels[0]))
        let slots = HalfBlockImage.gridSlots(imageWidth: 28, imageHeight: 28, in: panels[1], count: 16)
        for slot in slots {
            HalfBlockImage(pixels: Array(repeating: 0, count: 784), width: 28, height: 28, depth: .colors256,
                           glyphs: .unicode).render(into: &grid, area: slot)
        }
        #expect(panels.map(\.width) == [134, 66])
        #expect(slots.count == 8)
        let lines = grid.lines()
        #expect(lines[1].hasPrefix("│■ D  "))
        #expect(lines[2].hasPrefix("│0.99│"))
        #expect(lines.allSatisfy { $0.count == 200 })
    }
}
