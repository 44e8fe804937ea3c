import Datasets
import Foundation
import NeuralNet

/// A generator snapshot beside a watched run's event files: a `.safetensors` file in the run's
/// folder (ganscope's checkpoint or a PyTorch `G.state_dict()`), identified by its path, size and
/// modification time, so a file rewritten in place counts as new.
public struct SnapshotFile: Sendable, Equatable {
    public var path: String
    public var size: Int
    /// Seconds since 1970.
    public var modified: Double

    public init(path: String, size: Int, modified: Double) {
        self.path = path
        self.size = size
        self.modified = modified
    }

    public var name: String { (path as NSString).lastPathComponent }

    /// The newest `.safetensors` file directly in `folder` (by modification time, then name), or
    /// nil. Subfolders are not searched: they may be runs of their own.
    public static func newest(in folder: String) -> SnapshotFile? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        var newest: SnapshotFile?
        for name in names where name.hasSuffix(".safetensors") && !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
            else { continue }
            let file = SnapshotFile(path: path, size: size, modified: modified.timeIntervalSince1970)
            if let current = newest, (current.modified, current.name) >= (file.modified, file.name) { continue }
            newest = file
        }
        return newest
    }
}

/// What loading a snapshot gave: a generator to explore, or why not (one line).
public enum SnapshotLoad: Sendable, Equatable {
    /// The weights, the images they make, and what was read ("step 400 of faces-0", "PyTorch state dict: …").
    case generator(NetworkWeights, shape: DataShape, summary: String)
    case failed(String)
}
