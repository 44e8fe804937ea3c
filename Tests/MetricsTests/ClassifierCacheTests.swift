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

    @Test func keysAreFileNameSafe() {
        #expect(ClassifierCache.key(for: "faces") == "faces")
        #expect(ClassifierCache.key(for: "idx:/work/shared/data/mnist") == "idx-work-shared-data-mnist")
        #expect(cache.path(for: "digits").hasSuffix("/checkpoints/classifier-digits.safetensors"))
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
        #expect(MLPWeights(of: first.network) == MLPWeights(of: second.network))
    }

    @Test func corruptFileIsRetrained() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = stripes(classNames: ["h", "v"])
        _ = cache.classifier(for: data, training: training, seed: 1) { _ in }
        let path = cache.path(for: data.name)
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
        guard case .failure(let mismatch) = cache.load(path: cache.path(for: relabelled.name), for: relabelled) else {
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
