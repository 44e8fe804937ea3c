import Foundation
import TerminalUI
import Testing

/// Whole screens compared with text files in `Golden/` (after Bubble Tea's golden files).
/// Run with `GANSCOPE_UPDATE_GOLDEN=1` to rewrite them after an intended change, then review
/// the diff.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ grid: CellGrid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name + ".txt")
        let text = grid.lines().joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["GANSCOPE_UPDATE_GOLDEN"] != nil {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let difference = grid.textDifference(from: expectedLines)
        #expect(difference == nil, "\(name): \(difference ?? "")", sourceLocation: sourceLocation)
    }
}
