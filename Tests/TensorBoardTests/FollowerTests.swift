import Foundation
import Testing
@testable import TensorBoard

/// Files that grow, break and appear while they are followed.
@Suite struct FollowerTests {
    static func record(step: Int64, value: Float = 1) -> [UInt8] {
        TFRecord.frame(Event(wallTime: 1, step: step, values: [SummaryValue(tag: "x", content: .simpleValue(value))])
            .encoded())
    }

    private func append(_ bytes: [UInt8], to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: bytes)
        try handle.close()
    }

    @Test func growingFileIsReadRecordByRecordWhateverTheCut() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/events.out.tfevents.grow"
        try writeFile(path, [])
        var follower = EventFileFollower(path: path)
        let bytes = Self.record(step: 1) + Self.record(step: 2) + Self.record(step: 3)
        var steps: [Int64] = []
        // Three bytes at a time: most polls end inside a record.
        for start in stride(from: 0, to: bytes.count, by: 3) {
            try append(Array(bytes[start..<min(start + 3, bytes.count)]), to: path)
            let batch = follower.poll()
            #expect(batch.notices.isEmpty)
            steps += batch.events.map(\.step)
        }
        #expect(steps == [1, 2, 3])
        #expect(follower.pendingBytes == 0)
        #expect(follower.incompleteTail == nil)
    }

    @Test func badDataChecksumSkipsThatRecordWithOneNotice() throws {
        var bytes = Self.record(step: 1)
        let secondStart = bytes.count
        var damaged = Self.record(step: 2)
        damaged[TFRecord.headerSize + 1] ^= 0xFF
        bytes += damaged + Self.record(step: 3)
        let scan = EventRecords.scan(bytes, startingAt: 0, path: "run/f")
        #expect(scan.events.map(\.step) == [1, 3])
        #expect(scan.notices == ["run/f: record at byte \(secondStart) fails its data checksum; skipped"])
        #expect(scan.stopReason == nil)
    }

    @Test func badLengthChecksumStopsTheFileWithOneNoticeNamingIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/events.out.tfevents.bad"
        var damaged = Self.record(step: 2)
        damaged[2] ^= 1
        try writeFile(path, Self.record(step: 1) + damaged + Self.record(step: 3))
        var follower = EventFileFollower(path: path)
        let first = follower.poll()
        #expect(first.events.map(\.step) == [1])
        #expect(first.notices.count == 1)
        #expect(first.notices.first?.hasPrefix(path + ": length checksum wrong at byte") == true)
        #expect(first.notices.first?.hasSuffix("stopped reading this file") == true)
        try append(Self.record(step: 4), to: path)
        let second = follower.poll()
        #expect(second.events.isEmpty && second.notices.isEmpty, "a stopped file stays stopped, quietly")
    }

    @Test func recordThatIsNotAnEventIsSkipped() {
        let bytes = TFRecord.frame([0x0B]) + Self.record(step: 5)
        let scan = EventRecords.scan(bytes, startingAt: 100, path: "f")
        #expect(scan.events.map(\.step) == [5])
        #expect(scan.notices.count == 1)
        #expect(scan.notices.first?.hasPrefix("f: record at byte 100 is not an event") == true)
    }

    @Test func vanishedFileStopsWithANotice() throws {
        var follower = EventFileFollower(path: "/nonexistent/events.out.tfevents.x")
        let batch = follower.poll()
        #expect(batch.notices.count == 1)
        #expect(batch.notices.first?.hasPrefix("/nonexistent/events.out.tfevents.x: cannot open") == true)
    }

    @Test func watcherFindsNewRunsAndRotatedFiles() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/a", withIntermediateDirectories: true)
        try writeFile(root + "/a/events.out.tfevents.1", Self.record(step: 1))
        try writeFile(root + "/a/notes.txt", Array("x".utf8))
        var watcher = EventFolderWatcher(roots: [root])
        let first = watcher.poll()
        #expect(first.newRuns == [root + "/a"])
        #expect(first.events.map(\.run) == [root + "/a"])
        // A second run and a rotated file of the first appear while watching.
        try FileManager.default.createDirectory(atPath: root + "/b/c", withIntermediateDirectories: true)
        try writeFile(root + "/b/c/x.tfevents.y", Self.record(step: 7))
        try writeFile(root + "/a/events.out.tfevents.2", Self.record(step: 2))
        let second = watcher.poll()
        #expect(second.newRuns == [root + "/b/c"])
        #expect(Set(second.events.map(\.run)) == [root + "/a", root + "/b/c"])
        #expect(second.events.flatMap(\.events).map(\.step).sorted() == [2, 7])
        #expect(watcher.poll().events.isEmpty)
    }

    @Test func missingFolderIsNamedOnce() {
        var watcher = EventFolderWatcher(roots: ["/nonexistent-runs"])
        #expect(watcher.poll().notices == ["/nonexistent-runs: no such file or folder"])
        #expect(watcher.poll().notices.isEmpty)
    }
}
