import Foundation

/// The images file and, if present, the labels file that an `idx:PATH` spec refers to.
///
/// PATH is either an images file, whose labels are looked for under the same name with
/// `images-idx3` replaced by `labels-idx1`, or a folder in MNIST's layout: `train-images-idx3-ubyte`
/// for the training split, `t10k-images-idx3-ubyte` for the test split, each optionally `.gz`,
/// labels beside them. A file given directly is used whatever the split.
struct IDXLocation: Equatable {
    let images: String
    let labels: String?

    init(images: String, labels: String?) {
        self.images = images
        self.labels = labels
    }

    init(resolving path: String, split: DataSplit) throws(DatasetError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .fileNotFound(path: path)
        }
        guard isFolder.boolValue else {
            let labelsName = path.replacingOccurrences(of: "images-idx3", with: "labels-idx1")
            self.init(images: path, labels: labelsName == path ? nil : Self.existing(withOrWithoutGz: labelsName))
            return
        }
        let prefix = split == .train ? "train" : "t10k"
        let folder = URL(fileURLWithPath: path)
        let imagesName = "\(prefix)-images-idx3-ubyte"
        guard let images = Self.existing(withOrWithoutGz: folder.appendingPathComponent(imagesName).path) else {
            throw .imagesNotFound(folder: path, expected: imagesName)
        }
        let labels = Self.existing(withOrWithoutGz: folder.appendingPathComponent("\(prefix)-labels-idx1-ubyte").path)
        self.init(images: images, labels: labels)
    }

    /// `path` if it exists, else `path` with ".gz" added or removed if that exists.
    private static func existing(withOrWithoutGz path: String) -> String? {
        let other = path.hasSuffix(".gz") ? String(path.dropLast(3)) : path + ".gz"
        return [path, other].first { FileManager.default.fileExists(atPath: $0) }
    }
}
