import Foundation
import Synchronization

/// The folder where one run's snapshots go: `<folder>/<run>-<step>.safetensors`, e.g.
/// `checkpoints/faces-0-000400.safetensors`.
///
/// Saving creates the folder if needed, writes atomically, and never replaces a file: if the
/// name is taken (say, by an earlier run resumed from an older snapshot) it tries `…-000400-2`,
/// `-3`, …. With `keepLast` it then deletes the oldest snapshots *of the same run* (recognised by
/// the `run` metadata, not by the file name) beyond that many. Called from the trainer's queue
/// and, at exit, from the main thread; the step last saved is kept under a lock.
///
/// ```swift
/// let folder = CheckpointFolder(path: "checkpoints", run: "faces-0", keepLast: 5)
/// let trainer = Trainer(step: gan, checkpointWriter: folder.save, checkpointEvery: 1000)
/// ```
public final class CheckpointFolder: Sendable {
    public let path: String
    public let run: String
    /// Snapshots of this run to keep; nil keeps all.
    public let keepLast: Int?
    /// What the last snapshot saved: the step alone would miss updates and changes made by hand.
    private let lastSaved = Mutex<SnapshotProgress?>(nil)

    /// - Parameter run: a name made of letters, digits, `.`, `_` and `-` (see ``runName(from:)``).
    public init(path: String, run: String, keepLast: Int? = nil) {
        self.path = path
        self.run = run
        self.keepLast = keepLast
    }

    /// Writes a snapshot of `step` (any model's training state) and returns its path. On
    /// failure nothing is left behind.
    public func save(_ step: any TrainingStep) throws(CheckpointError) -> String {
        try write(step.snapshot(run: run))
    }

    /// Saves unless the last snapshot written through this folder is of the current state
    /// (`--save-on-exit` right after `--checkpoint-every`, with no update or change by hand
    /// since); returns the new path, if any.
    public func saveIfChanged(_ step: any TrainingStep) throws(CheckpointError) -> String? {
        let snapshot = try step.snapshot(run: run)
        guard lastSaved.withLock({ $0 }) != snapshot.progress else { return nil }
        return try write(snapshot)
    }

    private func write(_ snapshot: any TrainingSnapshot) throws(CheckpointError) -> String {
        try createFolder()
        let base = "\(path)/\(run)-\(Self.paddedStep(snapshot.progress.step))"
        var attempt = 1
        while true {
            let candidate = attempt == 1 ? "\(base).safetensors" : "\(base)-\(attempt).safetensors"
            // Skipping taken names first saves writing megabytes only to find the name taken;
            // the write itself still refuses to replace a file created meanwhile.
            if FileManager.default.fileExists(atPath: candidate), attempt < Self.maximumAttempts {
                attempt += 1
                continue
            }
            do {
                try snapshot.write(to: candidate)
                lastSaved.withLock { $0 = snapshot.progress }
                prune()
                return candidate
            } catch .cannotWrite(.alreadyExists) where attempt < Self.maximumAttempts {
                attempt += 1
            }
        }
    }

    /// A run name made safe for a file name: anything but letters, digits, `.`, `_` and `-`
    /// becomes `_`, a leading dot too (no hidden files); e.g. "idx:data/mnist-3" → "idx_data_mnist-3".
    public static func runName(from text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        var name = String(text.prefix(100).map { allowed.contains($0) ? $0 : "_" })
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name.isEmpty ? "run" : name
    }

    /// The snapshots in `folder`, newest first (by creation time, then step), read from their
    /// headers only, GANs' and autoencoders' alike; files that are not valid ganscope
    /// checkpoints come back as failures.
    public static func list(_ folder: String) throws(CheckpointError)
        -> (checkpoints: [(path: String, info: CheckpointSummary)], failures: [CheckpointError])
    {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw .folderUnavailable(path: folder, reason: "cannot list it (\(error.localizedDescription))")
        }
        var checkpoints: [(path: String, info: CheckpointSummary)] = []
        var failures: [CheckpointError] = []
        for name in names.sorted() where name.hasSuffix(".safetensors") && !name.hasPrefix(".") {
            let file = "\(folder)/\(name)"
            do {
                checkpoints.append((file, try CheckpointSummary.load(path: file)))
            } catch .notACheckpoint(_, let format?) where format.hasPrefix("ganscope-") {
                continue  // another ganscope file kept here, e.g. the metrics' cached classifier
            } catch {
                failures.append(error)
            }
        }
        checkpoints.sort { ($0.info.created, $0.info.step, $0.path) > ($1.info.created, $1.info.step, $1.path) }
        return (checkpoints, failures)
    }

    /// Name collisions tolerated before giving up (a folder full of `-2` … `-999` is a mistake).
    private static let maximumAttempts = 1_000

    /// Steps padded to six digits so that names sort in step order up to a million steps.
    private static func paddedStep(_ step: Int) -> String {
        let digits = String(step)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    private func createFolder() throws(CheckpointError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .folderUnavailable(path: path, reason: error.localizedDescription)
        }
    }

    /// Deletes this run's oldest snapshots beyond `keepLast`, GAN or autoencoder, newest first as
    /// ``list(_:)`` orders them. Best effort: the new snapshot is safe either way, and a file that
    /// cannot be deleted is merely left behind.
    private func prune() {
        guard let keepLast, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        var mine: [(path: String, created: Date, step: Int)] = []
        for name in names where name.hasSuffix(".safetensors") && !name.hasPrefix(".") {
            let file = "\(path)/\(name)"
            if let info = try? CheckpointSummary.load(path: file), info.run == run {
                mine.append((file, info.created, info.step))
            }
        }
        mine.sort { ($0.created, $0.step, $0.path) > ($1.created, $1.step, $1.path) }
        for old in mine.dropFirst(keepLast) {
            try? FileManager.default.removeItem(atPath: old.path)
        }
    }
}
