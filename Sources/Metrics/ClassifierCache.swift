import Datasets
import Foundation
import Randomness
import SafeTensors

/// Keeps each data set's trained classifier in the run's checkpoint folder, so it is trained
/// once: `<folder>/classifier-<name>-<content>.safetensors`, named by the data set's short name
/// and a hash of its pixels and labels (``DatasetFingerprint``), so the name does not depend on
/// where the data lies and other data never reuses it. Loaded files are validated (format, data
/// set, image size, classes, tensor shapes, finite values) and anything that does not match is
/// retrained and overwritten.
public struct ClassifierCache: Sendable {
    public let folder: String

    static let format = "ganscope-classifier"
    static let version = "1"

    /// - Parameter folder: the checkpoint folder (`--checkpoint-dir`); created on first save.
    public init(folder: String) {
        self.folder = folder
    }

    /// A file-name-safe short name for a data set spec: "faces", or "idx-mnist" for
    /// "idx:/work/data/mnist" (the file or folder name, not its path).
    public static func shortName(for spec: String) -> String {
        let prefix = "idx:"
        let name = spec.hasPrefix(prefix)
            ? "idx-" + (spec.dropFirst(prefix.count).split(separator: "/").last.map(String.init) ?? "")
            : spec
        let mapped = name.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "-" }
        return String(mapped).split(separator: "-").joined(separator: "-")
    }

    /// The file for `dataset`'s classifier.
    public func path(for dataset: Dataset) -> String {
        "\(folder)/classifier-\(Self.shortName(for: dataset.name))-\(DatasetFingerprint(dataset).hex).safetensors"
    }

    /// The cached classifier for `dataset`, or a freshly trained one (then saved). `note` hears
    /// what happened, in one line each, for the user.
    /// `gate` is passed between training minibatches (see ``PauseGate``); closing it gives up:
    /// nil, and nothing is cached.
    public func classifier(for dataset: Dataset, training: ClassifierTraining, seed: UInt64,
                           gate: PauseGate? = nil, note: (String) -> Void) -> ImageClassifier? {
        guard dataset.labels != nil, let classNames = dataset.classNames, classNames.count > 1 else { return nil }
        let path = path(for: dataset)
        switch load(path: path, for: dataset) {
        case .success(let classifier): return classifier
        case .failure(let problem):
            if FileManager.default.fileExists(atPath: path) { note("classifier cache \(path) unusable (\(problem)); retraining") }
        }
        note("training the \(dataset.name) classifier (\(training.steps) steps, once; cached in \(path))")
        var rng = SeededRNG(seed: seed, stream: RNGStreams.classifier)
        let classifier = ImageClassifier(inputs: dataset.featureCount, classes: classNames.count, rng: &rng)
        guard classifier.train(on: dataset, settings: training, rng: &rng, gate: gate) else { return nil }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try file(for: classifier, dataset: dataset).write(to: path, overwrite: true)
        } catch {
            note("could not cache the classifier in \(path): \(error)")
        }
        return classifier
    }

    /// Why a cached file was not used.
    public struct Mismatch: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads and validates the classifier at `path` for `dataset`.
    public func load(path: String, for dataset: Dataset) -> Result<ImageClassifier, Mismatch> {
        let file: SafeTensorsFile
        do { file = try SafeTensorsFile.load(path: path) } catch { return .failure(Mismatch(description: "\(error)")) }
        let expected = metadata(for: dataset)
        for (key, value) in expected where file.metadata[key] != value {
            return .failure(Mismatch(description: "\(key) is \(file.metadata[key] ?? "missing"), expected \(value)"))
        }
        var rng = SeededRNG(seed: 0)
        let classifier = ImageClassifier(inputs: dataset.featureCount, classes: dataset.classNames?.count ?? 0, rng: &rng)
        for parameter in classifier.network.parameters {
            guard let tensor = file.tensor(named: parameter.name) else {
                return .failure(Mismatch(description: "tensor \(parameter.name) missing"))
            }
            guard tensor.shape == parameter.shape, tensor.dtype == .f32, tensor.values.allSatisfy(\.isFinite) else {
                return .failure(Mismatch(description: "tensor \(parameter.name) has the wrong shape or non-finite values"))
            }
            parameter.value.assign(tensor.values)
        }
        return .success(classifier)
    }

    /// The safetensors file of `classifier`: PyTorch-style names ("0.weight", …) and metadata.
    func file(for classifier: ImageClassifier, dataset: Dataset) throws -> SafeTensorsFile {
        let tensors = try classifier.network.parameters.map {
            try Tensor(name: $0.name, shape: $0.shape, values: $0.value.array)
        }
        return try SafeTensorsFile(tensors: tensors, metadata: metadata(for: dataset))
    }

    /// What a cached file must state to be used for `dataset`.
    private func metadata(for dataset: Dataset) -> [String: String] {
        [
            "format": Self.format,
            "version": Self.version,
            "dataset": dataset.name,
            "features": String(dataset.featureCount),
            "classes": (dataset.classNames ?? []).joined(separator: ","),
            "layers": ImageClassifier.sizes(inputs: dataset.featureCount, classes: dataset.classNames?.count ?? 0)
                .map(String.init).joined(separator: "-"),
        ]
    }
}
