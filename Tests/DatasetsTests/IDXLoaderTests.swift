import Datasets
import Foundation
import Testing

@Suite struct IDXLoaderTests {
    @Test(arguments: [false, true])
    func loadsImagesAndLabelsFromAFolder(gzip: Bool) throws {
        let fixture = try IDXFixture()
        defer { fixture.remove() }
        let suffix = gzip ? ".gz" : ""
        try fixture.write("train-images-idx3-ubyte" + suffix, IDXFixture.images(count: 3, rows: 5, columns: 7), gzip: gzip)
        try fixture.write("train-labels-idx1-ubyte" + suffix, IDXFixture.labels([2, 0, 2]), gzip: gzip)

        let data = try DatasetCatalog.load("idx:" + fixture.folder.path, seed: 0)
        #expect(data.shape == .image(width: 7, height: 5))
        #expect(data.count == 3 && data.featureCount == 35)
        #expect(data.name == "idx:" + fixture.folder.path)
        // Image 1, pixel 4 holds byte 31 + 4 = 35.
        #expect(data.sample(at: 1)[data.sample(at: 1).startIndex + 4] == 35 / 127.5 - 1)
        #expect(data.classNames == ["0", "2"])
        #expect(data.labels == [1, 0, 1])
    }

    @Test func mapsByteExtremesToMinusOneAndOne() throws {
        let fixture = try IDXFixture()
        defer { fixture.remove() }
        let path = try fixture.write("tiny-images-idx3-ubyte", IDXFixture.idx(dimensions: [1, 1, 3], payload: [0, 128, 255]))
        let data = try DatasetCatalog.load("idx:" + path, seed: 0)
        #expect(data.samples == [-1, 128 / 127.5 - 1, 1])
        #expect(data.labels == nil && data.classNames == nil)
    }

    @Test func directFilePicksUpLabelsByName() throws {
        let fixture = try IDXFixture()
        defer { fixture.remove() }
        let path = try fixture.write("emnist-images-idx3-ubyte.gz", IDXFixture.images(count: 2, rows: 4, columns: 4), gzip: true)
        try fixture.write("emnist-labels-idx1-ubyte", IDXFixture.labels([26, 1]))
        let data = try DatasetCatalog.load("idx:" + path, seed: 0)
        #expect(data.classNames == ["1", "26"])
        #expect(data.labels == [1, 0])
    }

    @Test func testSplitReadsTheT10kFiles() throws {
        let fixture = try IDXFixture()
        defer { fixture.remove() }
        try fixture.write("train-images-idx3-ubyte", IDXFixture.images(count: 4, rows: 2, columns: 2))
        try fixture.write("t10k-images-idx3-ubyte.gz", IDXFixture.images(count: 2, rows: 2, columns: 2), gzip: true)
        #expect(try DatasetCatalog.load("idx:" + fixture.folder.path, seed: 0, split: .test).count == 2)
    }

    @Test func countLimitsImagesAndLabels() throws {
        let fixture = try IDXFixture()
        defer { fixture.remove() }
        try fixture.write("train-images-idx3-ubyte", IDXFixture.images(count: 5, rows: 3, columns: 3))
        try fixture.write("train-labels-idx1-ubyte", IDXFixture.labels([0, 1, 2, 3, 4]))
        let data = try DatasetCatalog.load("idx:" + fixture.folder.path, seed: 0, count: 2)
        #expect(data.count == 2 && data.samples.count == 18)
        #expect(data.labels == [0, 1])
        #expect(data.classNames?.count == 5)
    }

    // MARK: errors: each one line, naming the file

    /// Loads `bytes` written as an images file and returns the error, checking it names the file.
    private func loadError(_ bytes: [UInt8], gzip: Bool = false,
                           labels: [UInt8]? = nil) throws -> (DatasetError, path: String, labelsPath: String) {
        let fixture = try IDXFixture()
        defer { fixture.remove() }
        let path = try fixture.write("train-images-idx3-ubyte", bytes, gzip: gzip)
        let labelsPath = fixture.folder.appendingPathComponent("train-labels-idx1-ubyte").path
        if let labels { try fixture.write("train-labels-idx1-ubyte", labels) }
        let error = try #require(throws: DatasetError.self) {
            try DatasetCatalog.load("idx:" + fixture.folder.path, seed: 0)
        }
        #expect(!error.description.contains("\n"))
        return (error, path, labelsPath)
    }

    @Test func wrongMagic() throws {
        let (error, path, _) = try loadError(Array("PK\u{3}\u{4}not an idx file".utf8))
        #expect(error == .wrongMagic(path: path, found: 0x504b_0304, expected: 0x0000_0803))
        #expect(error.description.contains(path) && error.description.contains("0x504b0304")
                && error.description.contains("0x00000803"))
    }

    @Test func wrongElementTypeAndDimensionCount() throws {
        var floats = IDXFixture.images(count: 1, rows: 2, columns: 2)
        floats[2] = 0x0d
        let (typeError, path, _) = try loadError(floats)
        #expect(typeError == .wrongElementType(path: path, found: 0x0d))
        let (dimensionError, labelsAsImages, _) = try loadError(IDXFixture.labels([1, 2, 3]))
        #expect(dimensionError == .wrongDimensionCount(path: labelsAsImages, found: 1, expected: 3))
        #expect(dimensionError.description.contains("labels file"))
    }

    @Test func truncatedHeader() throws {
        let (error, path, _) = try loadError(Array(IDXFixture.images(count: 1, rows: 2, columns: 2).prefix(9)))
        #expect(error == .truncatedHeader(path: path, expectedBytes: 16, foundBytes: 9))
    }

    @Test func truncatedPixels() throws {
        let (error, path, _) = try loadError(Array(IDXFixture.images(count: 3, rows: 4, columns: 4).dropLast(5)))
        #expect(error == .truncatedData(path: path, expectedBytes: 48, foundBytes: 43))
        #expect(error.description.contains("expected 48 bytes") && error.description.contains("found 43"))
    }

    @Test func labelCountMismatch() throws {
        let (error, _, labelsPath) = try loadError(IDXFixture.images(count: 3, rows: 2, columns: 2),
                                                   labels: IDXFixture.labels([1, 2]))
        #expect(error == .labelCountMismatch(labelsPath: labelsPath, labelCount: 2, imageCount: 3))
    }

    @Test func emptyFile() throws {
        let (error, path, _) = try loadError(IDXFixture.images(count: 0, rows: 28, columns: 28))
        #expect(error == .empty(path: path))
    }

    @Test func garbageGzip() throws {
        let (error, path, _) = try loadError([0x1f, 0x8b] + Array("this is not deflate data at all".utf8))
        guard case .invalidGzip(let failing, _) = error else {
            Issue.record("expected invalidGzip, got \(error)")
            return
        }
        #expect(failing == path && error.description.contains("gzip"))
    }

    @Test func truncatedGzip() throws {
        let whole = try Gzip.compress(IDXFixture.images(count: 20, rows: 8, columns: 8))
        let (error, _, _) = try loadError(Array(whole.prefix(whole.count / 2)))
        guard case .invalidGzip(_, let reason) = error else {
            Issue.record("expected invalidGzip, got \(error)")
            return
        }
        #expect(reason.contains("truncated"))
    }

    @Test func missingPathAndMissingImagesFile() throws {
        let fixture = try IDXFixture()
        defer { fixture.remove() }
        let missing = fixture.folder.appendingPathComponent("nope").path
        #expect(throws: DatasetError.fileNotFound(path: missing)) {
            try DatasetCatalog.load("idx:" + missing, seed: 0)
        }
        let error = try #require(throws: DatasetError.self) {
            try DatasetCatalog.load("idx:" + fixture.folder.path, seed: 0)
        }
        #expect(error == .imagesNotFound(folder: fixture.folder.path, expected: "train-images-idx3-ubyte"))
    }
}
