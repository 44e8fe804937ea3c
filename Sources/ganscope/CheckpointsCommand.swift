import ArgumentParser
import Foundation
import GAN

/// `ganscope checkpoints`: the snapshots in a folder, newest first, read from headers only.
struct CheckpointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoints",
        abstract: "List snapshots (GAN, AE, VAE), newest first: file, model, step, time, data set, last losses.",
        discussion: "The model is gan, ae or vae, followed by /dcgan for the convolutional networks.")

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
        Self.table(listing.checkpoints).forEach { print($0) }
    }

    /// The listing as aligned text lines, a header first: each snapshot's file, model (gan, ae,
    /// vae; "vae/dcgan" for the convolutional ones), step, time, data set and last losses in its
    /// model's terms.
    static func table(_ checkpoints: [(path: String, info: CheckpointSummary)]) -> [String] {
        let rows = checkpoints.map { entry -> [String] in
            let info = entry.info
            let model = info.family.rawValue + (info.network == .dcgan ? "/dcgan" : "")
            return [URL(fileURLWithPath: entry.path).lastPathComponent, model, String(info.step),
                    info.createdText, info.dataset, info.lastLosses?.progressText ?? "-"]
        }
        let table = [["FILE", "MODEL", "STEP", "CREATED (UTC)", "DATA SET", "LAST LOSSES"]] + rows
        let widths = (0..<table[0].count).map { column in table.map { $0[column].count }.max() ?? 0 }
        return table.map { row in
            let cells = zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
            return cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }
}
