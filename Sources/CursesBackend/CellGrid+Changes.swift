import TerminalUI

extension CellGrid {
    /// Calls `body` for each cell within the first `columns`×`rows` that differs from the same
    /// cell of `previous` (every cell when nil), row by row, skipping wide-character tails (the
    /// character to their left covers them). `previous` must have this grid's size.
    func forEachChange(over previous: CellGrid?, columns: Int, rows: Int,
                       _ body: (_ column: Int, _ row: Int, _ index: Int, _ cell: Cell) -> Void) {
        let columns = min(width, columns), rows = min(height, rows)
        cells.withUnsafeBufferPointer { cells in
            for row in 0..<rows {
                for column in 0..<columns {
                    let index = row * width + column
                    let cell = cells[index]
                    if cell.isWideTail { continue }
                    if let previous, previous.cells[index] == cell { continue }
                    body(column, row, index, cell)
                }
            }
        }
    }
}
