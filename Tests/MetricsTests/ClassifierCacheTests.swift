import Datasets
import Foundation
import NeuralNet
import SafeTensors
import Testing
@testable import Metrics

/// The classifier is trained once per data set, reloaded after, and retrained when the cached
/// file is corrupt or belongs to other data.
@Suite struct ClassifierCacheTests {
    let folder: String
    let cache: ClassifierCache
    let training = ClassifierTraining(steps: 20, batchSize: 16)

    init() {
        folder = NSTemporaryDirectory() + "ganscope-cache-\(UInt64.random(in: 0 ... .max))"
        cache = ClassifierCache(folder: folder + "/checkpoints")
    }

    @Test func shortNamesAreFileNameSafeAndPathFree() {
        #expect(ClassifierCache.shortName(for: "faces") == "faces")
        #expect(ClassifierCache.shortName(for: "idx:/work/shared/data/mnist") == "idx-mnist")
        #expect(ClassifierCache.shortName(for: "idx:~/data/train-images-idx3-ubyte.gz") == "idx-train-images-idx3-ubyte.gz")
    }

    @Test func fileLivesInTheFolderNamedByDataAndContent() {
        let path = cache.path(for: stripes(classNames: ["h", "v"]))
        let name = URL(fileURLWithPath: path).lastPathComponent
        #expect(path.hasPrefix(folder + "/checkpoints/"))
        #expect(name.hasPrefix("classifier-stripes-") && name.hasSuffix(".safetensors"))
        let hash = name.dropFirst("classifier-stripes-".count).dropLast(".safetensors".count)
        #expect(hash.count == 12 && hash.allSatisfy(\.isHexDigit))
    }

    @Test func otherContentGetsAnotherFileTheSameContentTheSameFile() {
        let data = stripes(classNames: ["h", "v"])
        let moved = Dataset(name: "idx:/elsewhere/stripes", shape: data.shape, samples: data.samples,
                            labels: data.labels, classNames: data.classNames)
        let relabelled = Dataset(name: data.name, shape: data.shape, samples: data.samples,
                                 labels: data.labels?.map { 1 - $0 }, classNames: data.classNames)
        var pixels = data.samples
        pixels[5] = -pixels[5]
        let repainted = Dataset(name: data.name, shape: data.shape, samples: pixels, labels: data.labels,
                                classNames: data.classNames)
        #expect(cache.path(for: data) == cache.path(for: stripes(classNames: ["h", "v"])))
        #expect(DatasetFingerprint(moved) == DatasetFingerprint(data))
        #expect(cache.path(for: relabelled) != cache.path(for: data))
        #expect(cache.path(for: repainted) != cache.path(for: data))
    }

    /// Colour and gray faces are other data, and so are the same values read as three colour
    /// planes rather than one tall gray image.
    @Test func colourAndGrayDataGetTheirOwnFiles() throws {
        let colour = try DatasetCatalog.load("faces", seed: 2, count: 9)
        let gray = try DatasetCatalog.load("faces-gray", seed: 2, count: 9)
        #expect(cache.path(for: colour) != cache.path(for: gray))
        #expect(URL(fileURLWithPath: cache.path(for: gray)).lastPathComponent.hasPrefix("classifier-faces-gray-"))
        let tall = Dataset(name: colour.name, shape: .image(width: 32, height: 96), samples: colour.samples,
                           labels: colour.labels, classNames: colour.classNames)
        #expect(DatasetFingerprint(tall) != DatasetFingerprint(colour))
    }

    @Test func aClosedGateGivesUpAndCachesNothing() {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = stripes(classNames: ["h", "v"])
        let gate = PauseGate()
        gate.close()
        #expect(cache.classifier(for: data, training: training, seed: 1, gate: gate) { _ in } == nil)
        #expect(!FileManager.default.fileExists(atPath: cache.path(for: data)))
    }

    @Test func trainsOnceThenLoads() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = stripes(classNames: ["h", "v"])
        var notes: [String] = []
        let first = try #require(cache.classifier(for: data, training: training, seed: 1) { notes.append($0) })
        #expect(notes.count == 1 && notes[0].contains("training"))
        notes.removeAll()
        let second = try #require(cache.classifier(for: data, training: training, seed: 1) { notes.append($0) })
        #expect(notes.isEmpty)
        #expect(NetworkWeights(of: first.network) == NetworkWeights(of: second.network))
    }

    @Test func corruptFileIsRetrained() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = stripes(classNames: ["h", "v"])
        _ = cache.classifier(for: data, training: training, seed: 1) { _ in }
        let path = cache.path(for: data)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        var notes: [String] = []
        _ = cache.classifier(for: data, training: training, seed: 1) { notes.append($0) }
        #expect(notes.first?.contains("unusable") == true)
        #expect(throws: Never.self) { try SafeTensorsFile.load(path: path) }
    }

    @Test func mismatchedClassesAreRetrained() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = cache.classifier(for: stripes(classNames: ["h", "v"]), training: training, seed: 1) { _ in }
        let relabelled = stripes(classNames: ["horizontal", "vertical"])
        guard case .failure(let mismatch) = cache.load(path: cache.path(for: relabelled), for: relabelled) else {
            Issue.record("a classifier for other classes was accepted")
            return
        }
        #expect(mismatch.description.contains("classes"))
    }

    @Test func unlabelledDataHasNoClassifier() {
        let points = Dataset(name: "pts", shape: .points, samples: [0, 0, 1, 1])
        #expect(cache.classifier(for: points, training: training, seed: 1) { _ in } == nil)
    }

    /// 4×4 images of a horizontal (class 0) or vertical (class 1) bar.
    private func stripes(classNames: [String]) -> Dataset {
        var samples: [Float] = []
        var labels: [Int] = []
        for i in 0..<64 {
            let label = i % 2, line = (i / 2) % 4
            samples += (0..<16).map { p in (label == 0 ? p / 4 : p % 4) == line ? 1 : -1 }
            labels.append(label)
        }
        return Dataset(name: "stripes", shape: .image(width: 4, height: 4), samples: samples, labels: labels,
                       classNames: classNames)
    }
}
