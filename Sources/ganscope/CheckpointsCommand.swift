import ArgumentParser
import Foundation
import GAN

/// `ganscope checkpoints`: the snapshots in a folder, newest first, read from headers only.
struct CheckpointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoints",
        abstract: "List snapshots, newest first: file, step, time, data set, last losses.")

    @Argument(help: "Folder to list.") var folder = "checkpoints"
    @Flag(help: "Instead of listing, time saving and loading a snapshot of the reference faces model.")
    var bench = false

    func run() throws {
        if bench {
            try CheckpointBench().run()
            return
        }
        let listing = try CheckpointFolder.list(folder)
        for failure in listing.failures {
            FileHandle.standardError.write(Data("ganscope: skipped \(failure)\n".utf8))
        }
        guard !listing.checkpoints.isEmpty else {
            print("no snapshots in \(folder)")
            return
        }
        let rows = listing.checkpoints.map { entry -> [String] in
            let info = entry.info
            let losses = info.lastResult.map { String(format: "%.3f  %.3f", $0.discriminatorLoss, $0.generatorLoss) }
            return [URL(fileURLWithPath: entry.path).lastPathComponent, String(info.step), info.createdText,
                    info.config.dataset, losses ?? "-"]
        }
        let table = [["FILE", "STEP", "CREATED (UTC)", "DATA SET", "D LOSS G LOSS"]] + rows
        let widths = (0..<5).map { column in table.map { $0[column].count }.max() ?? 0 }
        for row in table {
            let cells = zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
            print(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
    }
}
