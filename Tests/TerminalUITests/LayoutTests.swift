import Testing
@testable import TerminalUI

@Suite struct LayoutTests {
    private func widths(_ length: Int, _ constraints: [Layout.Constraint], spacing: Int = 0) -> [Int] {
        Layout.split(Rect(width: length, height: 1), direction: .horizontal, constraints: constraints, spacing: spacing)
            .map(\.width)
    }

    @Test func fixedAndFillShareTheLength() {
        #expect(widths(20, [.fixed(5), .fill(1)]) == [5, 15])
        #expect(widths(20, [.fill(1), .fill(3)]) == [5, 15])
        #expect(widths(10, [.fill(1), .fill(1), .fill(1)]) == [4, 3, 3])
    }

    @Test func percentAndMin() {
        #expect(widths(80, [.percent(25), .min(10), .fill(1)]) == [20, 35, 25])
        #expect(widths(15, [.fixed(10), .min(8)]) == [10, 5])
    }

    @Test func runningOutOfSpaceShrinksLaterParts() {
        #expect(widths(6, [.fixed(4), .fixed(4), .fill(1)]) == [4, 2, 0])
        #expect(widths(0, [.fixed(4), .fill(1)]) == [0, 0])
    }

    @Test func spacingAndPositionsTile() {
        let parts = Layout.split(Rect(x: 3, y: 1, width: 21, height: 4), direction: .horizontal,
                                 constraints: [.fill(1), .fill(1), .fixed(3)], spacing: 1)
        #expect(parts == [Rect(x: 3, y: 1, width: 8, height: 4), Rect(x: 12, y: 1, width: 8, height: 4),
                          Rect(x: 21, y: 1, width: 3, height: 4)])
    }

    @Test func verticalSplitDrawsAsExpected() {
        var grid = CellGrid.filled(width: 6, height: 6, with: ".")
        let rows = grid.bounds.split(.vertical, [.fixed(1), .percent(50), .fill(1)])
        for (index, row) in rows.enumerated() { grid.fill(row, with: Cell(Character(String(index)))) }
        #expect(grid.lines() == ["000000", "111111", "111111", "111111", "222222", "222222"])
    }
}
