import Foundation
import ImageIO
import Synchronization
import Testing
@testable import Datasets

/// `folder:PATH`: which files are read, which are skipped and how that is reported, colour
/// handling, and the decoded-set cache (round trip, invalidation, damage).
@Suite struct FolderLoaderTests {
    /// A temporary folder of pictures, and what loading it reported.
    final class Fixture: Sendable {
        let folder: URL
        let cache: URL
        private let log = Mutex((warnings: [String](), progressCalls: 0))

        init() throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("folder-set-\(UUID().uuidString)")
            folder = root.appendingPathComponent("pictures")
            cache = root.appendingPathComponent("checkpoints")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }

        var warnings: [String] { log.withLock { $0.warnings } }
        var progressCalls: Int { log.withLock { $0.progressCalls } }

        func write(_ name: String, _ bytes: [UInt8]) throws {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }

        /// A flat gray PNG of `side`×`side` pixels at `level`.
        func writeGray(_ name: String, level: UInt8, side: Int = 4) throws {
            try write(name, PNGWriter.encode(gray: [UInt8](repeating: level, count: side * side), width: side, height: side))
        }

        /// A flat RGB PNG of 4×4 pixels of `colour`.
        func writeRGB(_ name: String, _ colour: [UInt8]) throws {
            try write(name, PNGWriter.encode(rgb: Array([[UInt8]](repeating: colour, count: 16).joined()), width: 4, height: 4))
        }

        func load(size: Int = 28, channels: Int? = nil, cached: Bool = false) throws(DatasetError) -> Dataset {
            log.withLock { $0 = ([], 0) }
            let options = FolderOptions(imageSize: size, channels: channels, cacheFolder: cached ? cache.path : nil,
                                        progress: { _, _ in self.log.withLock { $0.progressCalls += 1 } },
                                        warn: { message in self.log.withLock { $0.warnings.append(message) } })
            return try DatasetCatalog.load("folder:" + folder.path, seed: 0, folder: options)
        }

        var cacheFiles: [URL] {
            (try? FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil)) ?? []
        }
    }

    @Test func readsEveryPictureBelowTheFolderInPathOrder() throws {
        let fixture = try Fixture()
        try fixture.writeGray("b/deep/two.PNG", level: 200, side: 8)
        try fixture.writeGray("a.png", level: 100)
        try fixture.write("README.txt", Array("not a picture, and not named like one".utf8))
        let data = try fixture.load()
        #expect(data.name == "folder:" + fixture.folder.path)
        #expect(data.shape == .image(width: 28, height: 28, channels: 1))
        #expect(data.count == 2 && data.labels == nil)
        #expect(data.sample(at: 0).allSatisfy { $0 == Dataset.pixelValue(100) })
        #expect(data.sample(at: 1).allSatisfy { $0 == Dataset.pixelValue(200) })
        #expect(fixture.warnings.isEmpty)
    }

    @Test func brokenFilesAreSkippedWithOneWarningNamingTheFirstThree() throws {
        let fixture = try Fixture()
        try fixture.writeGray("good.png", level: 50)
        let png = try PNGWriter.encode(gray: (0..<1_024).map { UInt8($0 % 251) }, width: 32, height: 32)
        try fixture.write("a-truncated.png", Array(png.prefix(png.count / 2)))
        try fixture.write("b-empty.jpg", [])
        try fixture.write("c-text.png", Array("hello\n".utf8))
        try fixture.write("d-text.jpeg", Array("hello again\n".utf8))
        let data = try fixture.load()
        #expect(data.count == 1)
        let warnings = fixture.warnings
        try #require(warnings.count == 1)
        let warning = warnings[0]
        #expect(warning.hasPrefix("skipped 4 unusable files in \(fixture.folder.path) ("))
        #expect(warning.contains("a-truncated.png: PNG decoding failed"))
        #expect(warning.contains("b-empty.jpg: empty file"))
        #expect(warning.contains("c-text.png: not a PNG or JPEG file"))
        #expect(!warning.contains("d-text") && warning.hasSuffix("; …)") && !warning.contains("\n"))
    }

    @Test func workersDecodeTheSameSetInPathOrderAndReportProgressInOrder() throws {
        // Files are decoded on several threads; the set, the skipped files named and the
        // progress counts must not show it.
        let fixture = try Fixture()
        for index in 0..<12 {
            try fixture.writeGray(String(format: "%02d.png", index), level: UInt8(10 * index), side: 4 + index)
            if index % 4 == 1 { try fixture.write(String(format: "%02d-broken.png", index), Array("text".utf8)) }
        }
        let listing = try FolderListing(folder: fixture.folder.path)
        var decoded: [FolderImages] = []
        for workers in [1, 2, 5] {
            let reports = Mutex([Int]())
            decoded.append(try FolderImages.decode(listing, side: 28, channels: nil, workers: workers) { done, total in
                #expect(total == 15)
                reports.withLock { $0.append(done) }
            })
            #expect(reports.withLock { $0 } == Array(1...15), "\(workers) workers")
        }
        #expect(decoded.allSatisfy { $0 == decoded[0] })
        #expect(decoded[0].count == 12 && decoded[0].skipped.count == 3)
        #expect(decoded[0].skipped.examples.map { $0.prefix(11) } == ["01-broken.p", "05-broken.p", "09-broken.p"])
        let firstPixels = (0..<12).map { decoded[0].pixels[$0 * 28 * 28] }
        #expect(firstPixels == (0..<12).map { UInt8(10 * $0) })
    }

    @Test func aFolderWithNoUsablePictureIsAnErrorNamingIt() throws {
        let fixture = try Fixture()
        #expect(throws: DatasetError.noImages(folder: fixture.folder.path, skipped: nil)) { try fixture.load() }
        try fixture.write("broken.png", Array("text".utf8))
        do {
            _ = try fixture.load()
            Issue.record("a folder of one broken file was accepted")
        } catch {
            let line = error.description
            #expect(line.hasPrefix(fixture.folder.path + ": no usable PNG or JPEG picture"))
            #expect(line.contains("broken.png: not a PNG or JPEG file") && !line.contains("\n"))
        }
        let file = fixture.folder.appendingPathComponent("broken.png").path
        #expect(throws: DatasetError.notAFolder(path: file)) {
            try DatasetCatalog.load("folder:" + file, seed: 0)
        }
        #expect(throws: DatasetError.fileNotFound(path: file + "-missing")) {
            try DatasetCatalog.load("folder:" + file + "-missing", seed: 0)
        }
    }

    @Test func optionsOutsideTheSupportedValuesAreRefused() throws {
        let fixture = try Fixture()
        try fixture.writeGray("a.png", level: 1)
        #expect(throws: DatasetError.invalidImageSize(30)) { try fixture.load(size: 30) }
        #expect(throws: DatasetError.invalidChannels(2)) { try fixture.load(channels: 2) }
        for size in FolderOptions.imageSizes { #expect(try fixture.load(size: size).featureCount == size * size) }
    }

    @Test func channelsFollowTheFilesUnlessAsked() throws {
        let fixture = try Fixture()
        try fixture.writeGray("a.png", level: 255)
        #expect(try fixture.load().shape.channels == 1)

        try fixture.writeRGB("b.png", [255, 0, 102])
        let colour = try fixture.load()
        #expect(colour.shape == .image(width: 28, height: 28, channels: 3))
        let area = 28 * 28
        // The gray picture fills all three planes; the colour one has a plane per channel (NCHW).
        #expect(colour.sample(at: 0).allSatisfy { $0 == 1 })
        let red = colour.sample(at: 1)
        #expect(red.prefix(area).allSatisfy { $0 == 1 })
        #expect(red.dropFirst(area).prefix(area).allSatisfy { $0 == -1 })
        #expect(red.suffix(area).allSatisfy { $0 == Dataset.pixelValue(102) })

        // Asked for gray: 0.299 · 255 + 0.114 · 102 = 87.9 → 88.
        let gray = try fixture.load(channels: 1)
        #expect(gray.shape.channels == 1)
        #expect(gray.sample(at: 1).allSatisfy { $0 == Dataset.pixelValue(88) })
    }

    @Test func theCacheGivesTheSameSetWithoutDecodingAndRepeatsTheWarning() throws {
        let fixture = try Fixture()
        try fixture.writeGray("a.png", level: 10)
        try fixture.writeRGB("b.png", [1, 2, 3])
        try fixture.write("c.png", [])
        let first = try fixture.load(size: 32, cached: true)
        #expect(fixture.progressCalls == 3)
        #expect(fixture.cacheFiles.count == 1)
        let second = try fixture.load(size: 32, cached: true)
        #expect(fixture.progressCalls == 0)
        #expect(second.samples == first.samples && second.shape == first.shape && second.name == first.name)
        #expect(fixture.warnings.count == 1 && fixture.warnings[0].contains("c.png: empty file"))
        // Another size is another cache file, not a wrong reuse of this one.
        #expect(try fixture.load(size: 28, cached: true).featureCount == 3 * 28 * 28)
        #expect(fixture.progressCalls == 3 && fixture.cacheFiles.count == 2)
    }

    @Test func theCacheNoticesAddedRemovedAndChangedFiles() throws {
        let fixture = try Fixture()
        try fixture.writeGray("a.png", level: 10)
        try fixture.writeGray("b.png", level: 20)
        _ = try fixture.load(cached: true)

        try fixture.writeGray("c.png", level: 30)
        #expect(try fixture.load(cached: true).count == 3)
        #expect(fixture.progressCalls == 3)

        try FileManager.default.removeItem(at: fixture.folder.appendingPathComponent("a.png"))
        let removed = try fixture.load(cached: true)
        #expect(removed.count == 2 && removed.sample(at: 0).first == Dataset.pixelValue(20))

        // Same size, new content, a modification time one whole second later.
        let b = fixture.folder.appendingPathComponent("b.png").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: b)
        _ = try fixture.load(cached: true)
        try fixture.writeGray("b.png", level: 21)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_001)], ofItemAtPath: b)
        let changed = try fixture.load(cached: true)
        #expect(fixture.progressCalls == 2)
        #expect(changed.sample(at: 0).first == Dataset.pixelValue(21))
        #expect(fixture.warnings.isEmpty)
    }

    @Test(arguments: ["flipped pixel", "truncated", "garbage", "empty"])
    func aDamagedCacheIsIgnoredAndRebuilt(_ damage: String) throws {
        let fixture = try Fixture()
        try fixture.writeGray("a.png", level: 10)
        try fixture.writeGray("b.png", level: 20)
        let good = try fixture.load(cached: true)
        let file = try #require(fixture.cacheFiles.first)
        var bytes = try [UInt8](Data(contentsOf: file))
        switch damage {
        case "flipped pixel": bytes[bytes.count - 100] ^= 0x40
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "garbage": bytes = Array("GSFOLDR1 but nothing sensible after it".utf8)
        default: bytes = []
        }
        try Data(bytes).write(to: file)
        let rebuilt = try fixture.load(cached: true)
        #expect(rebuilt.samples == good.samples)
        #expect(fixture.progressCalls == 2)
        #expect(fixture.warnings.count == 1 && fixture.warnings[0].contains("damaged"))
        // Rebuilt: the next load uses the cache again.
        _ = try fixture.load(cached: true)
        #expect(fixture.progressCalls == 0 && fixture.warnings.isEmpty)
    }
}
