import Foundation
import GAN
import ImageIO
import TensorBoard
import Testing
@testable import ganscope

/// `watch --inspect` and the picture decoding of `watch`, on files our writer makes.
@Suite struct WatchCommandTests {
    let folder = NSTemporaryDirectory() + "ganscope-inspect-\(UInt64.random(in: 0 ... .max))"

    private func writeRun(_ name: String) throws -> String {
        let writer = try EventFileWriter(folder: folder + "/" + name)
        let png = try PNGWriter.encode(gray: [0, 64, 128, 255, 10, 20], width: 3, height: 2)
        for step in [10, 20, 30] {
            try writer.write(Event(wallTime: 1000, step: Int64(step), values: [
                SummaryValue(tag: "loss/D", content: .simpleValue(Float(step) / 10)),
                SummaryValue(tag: "samples", content: .image(EncodedImage(width: 3, height: 2, colorspace: 1, encoded: png))),
            ]))
        }
        writer.close()
        return writer.path
    }

    @Test func inspectListsTagsAndNamesTheDamagedFile() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try writeRun("good")
        let damaged = try writeRun("bad")
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: damaged)))
        bytes[bytes.count - 30] ^= 0xFF  // inside the last record's data
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))

        let inspection = RunInspection(roots: [folder])
        #expect(inspection.readSomething)
        #expect(inspection.runs.map(\.name) == [folder + "/bad", folder + "/good"])
        let good = try #require(inspection.runs.last)
        #expect(good.lastStep == 30)
        let text = inspection.text(now: 1005)
        #expect(text.contains("\(folder)/good  (1 file, last step 30, 5 s ago)"))
        #expect(text.contains("  loss/D   scalar        3 values  steps 10-30  last 3\n"))
        #expect(text.contains("  samples  image         3 images  steps 10-30  last 3x2\n"))
        #expect(inspection.problems.count == 1)
        #expect(inspection.problems.first?.hasPrefix(damaged + ": record at byte") == true)
        #expect(inspection.runs.first?.tags.first { $0.tag == "loss/D" }?.count == 2)
    }

    @Test func nothingReadIsAFailure() {
        let inspection = RunInspection(roots: [folder + "/missing"])
        #expect(!inspection.readSomething)
        #expect(inspection.problems == [folder + "/missing: no such file or folder"])
    }

    @Test func picturesAreDecodedWithLibpngOrExplained() throws {
        let png = try PNGWriter.encode(rgb: [255, 0, 0, 0, 255, 0], width: 2, height: 1)
        let decoded = WatchCommand.decode(EncodedImage(width: 2, height: 1, colorspace: 3, encoded: png))
        #expect(decoded == .pixels(width: 2, height: 1, channels: 3, bytes: [255, 0, 0, 0, 255, 0]))
        guard case .undecodable = WatchCommand.decode(EncodedImage(width: 1, height: 1, colorspace: 1,
                                                                   encoded: Array(png.prefix(20)))) else {
            Issue.record("a cut PNG was decoded")
            return
        }
    }

    @Test func withoutBLASASnapshotSaysWhyInsteadOfRunning() throws {
        // watch runs without OpenBLAS (losses, pictures); only the explorer needs it.
        let path = folder + "/missing.safetensors"
        let unavailable = WatchCommand.snapshotLoader(hints: GeneratorHints(), blasProblem: "no BLAS library found")
        #expect(unavailable(path) == .failed("cannot run the generator: no BLAS library found"))
        // With BLAS, the file itself is read (and here found missing).
        guard case .failed(let why) = WatchCommand.snapshotLoader(hints: GeneratorHints(), blasProblem: nil)(path) else {
            Issue.record("a missing snapshot was loaded")
            return
        }
        #expect(why.contains("missing.safetensors") && !why.contains("BLAS"))
    }

    @Test func jsonNeedsInspect() {
        #expect(throws: (any Error).self) { try Ganscope.parseAsRoot(["watch", "--json", "runs"]) }
        #expect(throws: (any Error).self) { try Ganscope.parseAsRoot(["watch"]) }
    }
}
