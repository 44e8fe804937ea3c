import Datasets

/// A training step that continues a snapshot file: ``GANStep`` a ``Checkpoint``,
/// ``AutoencoderStep`` an ``AutoencoderCheckpoint``. Reading the file, letting the caller adjust
/// the saved configuration and loading the data set again is the same for both
/// (``resuming(path:folder:adjust:)``); only rebuilding the networks from the snapshot differs.
public protocol ResumableStep {
    associatedtype Snapshot: ResumableSnapshot

    /// Continues `snapshot` exactly with `config` (the saved one with the allowed changes) on
    /// `dataset` (the saved one, loaded again); `source` names the snapshot in errors.
    init(resuming snapshot: Snapshot, config: TrainingConfig, dataset: Dataset, source: String) throws(CheckpointError)
}

/// A snapshot file whose header says what the run was: its configuration and its data's shape.
public protocol ResumableSnapshot: CheckpointFileFormat {
    associatedtype Info: SnapshotHeader
    var info: Info { get }
}

/// What every snapshot header records about the run, whichever model it holds.
public protocol SnapshotHeader {
    var config: TrainingConfig { get }
    var dataShape: DataShape { get }
}

extension ResumableStep {
    /// Loads the snapshot at `path` and rebuilds its training state, data set included.
    ///
    /// - Parameters:
    ///   - folder: the cache and reporting for a `folder:` set; its image size and channels are
    ///     replaced by the snapshot's, so the same pictures come back in the same shape.
    ///   - adjust: may change what a resumed run is allowed to change (total steps, threads) in
    ///     the saved configuration, or throw to refuse the snapshot.
    public static func resuming(
        path: String, folder: FolderOptions = FolderOptions(),
        adjust: (inout TrainingConfig, Snapshot.Info) throws -> Void = { _, _ in }
    ) throws -> (step: Self, info: Snapshot.Info) {
        let snapshot = try Snapshot.load(path: path)
        var config = snapshot.info.config
        try adjust(&config, snapshot.info)
        let dataset = try DatasetCatalog.load(config, shape: snapshot.info.dataShape, folder: folder)
        let step = try Self(resuming: snapshot, config: config, dataset: dataset, source: path)
        return (step, snapshot.info)
    }
}

extension GANStep: ResumableStep {}
extension Checkpoint: ResumableSnapshot {}
extension CheckpointInfo: SnapshotHeader {}
extension AutoencoderStep: ResumableStep {}
extension AutoencoderCheckpoint: ResumableSnapshot {}
extension AutoencoderCheckpointInfo: SnapshotHeader {}
