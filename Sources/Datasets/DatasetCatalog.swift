/// The entry point for loading data: by name for the built-in sets, `idx:PATH` and `folder:PATH` for files.
///
///     let faces = try DatasetCatalog.load("faces", seed: 7)                    // 20,000 faces
///     let held = try DatasetCatalog.load("faces", seed: 7, split: .test, count: 1_000)
///     let mnist = try DatasetCatalog.load("idx:data/mnist", seed: 7)          // 60,000 digits
public enum DatasetCatalog {
    /// The sets generated in code, needing no files; the first is the default.
    public static let builtInNames = ["faces", "faces-gray", "digits", "ring", "grid", "spiral"]

    /// The name that loads today the set `name` meant when it was recorded with `channels` planes:
    /// before colour, `faces` was grayscale, and those faces are now `faces-gray` (byte for
    /// byte), so a checkpoint of a gray `faces` run resumes on them. Other names are unchanged.
    public static func currentName(of name: String, recordedChannels channels: Int) -> String {
        name == DatasetSpec.faces.description && channels == 1 ? DatasetSpec.facesGray.description : name
    }

    /// Loads the set `spec` names.
    ///
    /// - Parameters:
    ///   - seed: fixes every random choice of a built-in set; files ignore it.
    ///   - split: `.test` gives held-out data: independent random streams for built-in sets,
    ///     the `t10k-*` files for an IDX folder, the same images for a picture folder.
    ///   - count: how many samples; defaults to each built-in set's size or a whole file.
    ///   - folder: how a `folder:PATH` set is resized, coloured, cached and reported.
    public static func load(_ spec: String, seed: UInt64, split: DataSplit = .train,
                            count: Int? = nil, folder: FolderOptions = FolderOptions()) throws(DatasetError) -> Dataset {
        try load(DatasetSpec(parsing: spec), seed: seed, split: split, count: count, folder: folder)
    }

    /// Loads the set `spec` describes; the parameters are as for loading by name.
    public static func load(_ spec: DatasetSpec, seed: UInt64, split: DataSplit = .train,
                            count: Int? = nil, folder: FolderOptions = FolderOptions()) throws(DatasetError) -> Dataset {
        if let count, count < 1 { throw .invalidCount(count) }
        let size = count ?? spec.defaultCount ?? 0
        switch spec {
        case .faces: return FaceGenerator.makeDataset(count: size, seed: seed, split: split, channels: 3)
        case .facesGray: return FaceGenerator.makeDataset(count: size, seed: seed, split: split, channels: 1)
        case .digits: return DigitGenerator.makeDataset(count: size, seed: seed, split: split)
        case .ring: return PointSets.ring(count: size, seed: seed, split: split)
        case .grid: return PointSets.grid(count: size, seed: seed, split: split)
        case .spiral: return PointSets.spiral(count: size, seed: seed, split: split)
        case .idx(let path): return try IDXLoader.load(path: path, split: split, count: count)
        case .folder(let path): return try FolderLoader.load(path: path, options: folder, count: count)
        }
    }
}
