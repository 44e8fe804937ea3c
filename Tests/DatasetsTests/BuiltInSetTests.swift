import Datasets
import Testing

@Suite struct BuiltInSetTests {
    @Test(arguments: DatasetCatalog.builtInNames)
    func deterministicPerSeed(name: String) throws {
        let a = try DatasetCatalog.load(name, seed: 42, count: 50)
        let b = try DatasetCatalog.load(name, seed: 42, count: 50)
        let c = try DatasetCatalog.load(name, seed: 43, count: 50)
        #expect(a.samples == b.samples && a.labels == b.labels)
        #expect(a.samples != c.samples)
        #expect(a.name == name && a.count == 50 && a.samples.count == 50 * a.featureCount)
    }

    @Test(arguments: DatasetCatalog.builtInNames)
    func testSplitDiffersFromTraining(name: String) throws {
        let train = try DatasetCatalog.load(name, seed: 5, count: 20)
        let test = try DatasetCatalog.load(name, seed: 5, split: .test, count: 20)
        for index in 0..<20 { #expect(train.sample(at: index) != test.sample(at: index)) }
    }

    @Test(arguments: ["faces", "faces-gray", "digits"])
    func imagesStayInRangeWithBalancedClasses(name: String) throws {
        let data = try DatasetCatalog.load(name, seed: 3, count: 900)
        #expect(data.samples.allSatisfy { (-1...1).contains($0) })
        let classCount = try #require(data.classNames).count
        let labels = try #require(data.labels)
        let sizes = (0..<classCount).map { label in labels.filter { $0 == label }.count }
        #expect(sizes.max()! - sizes.min()! <= 1)
    }

    @Test func imageSamplesDoNotDependOnTheCount() throws {
        let few = try DatasetCatalog.load("faces", seed: 9, count: 3)
        let more = try DatasetCatalog.load("faces", seed: 9, count: 10)
        #expect(few.samples[...] == more.samples.prefix(few.samples.count))
    }

    @Test func defaultsAndSpecs() throws {
        #expect(DatasetCatalog.builtInNames.first == "faces")
        for name in DatasetCatalog.builtInNames { #expect(try DatasetSpec(parsing: name).description == name) }
        #expect(try DatasetSpec(parsing: "idx:/data/x") == .idx(path: "/data/x"))
        #expect(DatasetSpec.faces.defaultCount == 20_000 && DatasetSpec.ring.defaultCount == 50_000)
        #expect(try DatasetCatalog.load("grid", seed: 1).count == 50_000)
    }

    @Test func rejectsUnknownNamesAndBadCounts() {
        for spec in ["mnist", "idx:", "Faces", ""] {
            #expect(throws: DatasetError.unknownDataset(spec: spec)) { try DatasetCatalog.load(spec, seed: 0) }
        }
        #expect(DatasetError.unknownDataset(spec: "mnist").description.contains("faces, faces-gray, digits"))
        #expect(throws: DatasetError.invalidCount(0)) { try DatasetCatalog.load("ring", seed: 0, count: 0) }
    }

    /// Prints generation times for 500 samples. A debug build is about 100 times slower than
    /// release (where 20,000 colour faces take about 1 s), so the bound only catches gross
    /// regressions.
    @Test(arguments: ["faces", "faces-gray", "digits", "ring"])
    func generationTime(name: String) throws {
        let start = ContinuousClock.now
        let data = try DatasetCatalog.load(name, seed: 1, count: 500)
        let elapsed = ContinuousClock.now - start
        print("\(name): \(data.count) samples in \(elapsed) (debug build)")
        #expect(elapsed < .seconds(30))
    }
}
