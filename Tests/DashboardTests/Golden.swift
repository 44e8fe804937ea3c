import Foundation
import TerminalUI
import Testing

/// Whole screens compared with text files in `Golden/` (after Bubble Tea's golden files).
/// Run with `GANSCOPE_UPDATE_GOLDEN=1` to write them after an intended change (or to create a
/// new one), then review the diff. Otherwise a missing file is a failure, never a pass.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["GANSCOPE_UPDATE_GOLDEN"] == "1" }

    static func check(_ grid: CellGrid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name + ".txt")
        let text = grid.lines().joined(separator: "\n") + "\n"
        if updating {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard FileManager.default.fileExists(atPath: file.path) else {
            Issue.record("golden file \(file.path) is missing: run with GANSCOPE_UPDATE_GOLDEN=1 to create it",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let difference = grid.textDifference(from: expectedLines)
        #expect(difference == nil, "\(name): \(difference ?? "")", sourceLocation: sourceLocation)
    }
}
