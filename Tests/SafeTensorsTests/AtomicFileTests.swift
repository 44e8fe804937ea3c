import Foundation
import Testing
@testable import SafeTensors

@Suite struct AtomicFileTests {
    /// A fresh folder for one test, removed afterwards.
    private final class Scratch {
        let path: String

        init() throws {
            path = NSTemporaryDirectory() + "/safetensors-test-\(UInt64.random(in: 0 ... .max))"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        deinit {
            try? FileManager.default.removeItem(atPath: path)
        }

        func contents() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        }
    }

    private func sample() throws -> SafeTensorsFile {
        try SafeTensorsFile(tensors: [Tensor(name: "w", shape: [2], values: [1, 2])], metadata: ["k": "v"])
    }

    @Test func writeThenLoadRoundTrips() throws {
        let scratch = try Scratch()
        let path = scratch.path + "/a.safetensors"
        try sample().write(to: path)
        #expect(try SafeTensorsFile.load(path: path) == sample())
        #expect(try scratch.contents() == ["a.safetensors"])
    }

    @Test func refusesToOverwriteAndLeavesNoTemporaryFile() throws {
        let scratch = try Scratch()
        let path = scratch.path + "/a.safetensors"
        try AtomicFile.write([1, 2, 3], to: path)
        #expect(throws: AtomicFileError.alreadyExists(path: path)) {
            try AtomicFile.write([9, 9], to: path)
        }
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
        #expect(try scratch.contents() == ["a.safetensors"])
    }

    @Test func overwritesWhenAllowed() throws {
        let scratch = try Scratch()
        let path = scratch.path + "/a.bin"
        try AtomicFile.write([1, 2, 3], to: path)
        try AtomicFile.write([4], to: path, overwrite: true)
        #expect(FileManager.default.contents(atPath: path) == Data([4]))
        #expect(try scratch.contents() == ["a.bin"])
    }

    @Test func missingFolderNamesPathAndReason() throws {
        let scratch = try Scratch()
        let path = scratch.path + "/no/such/folder/a.bin"
        do {
            try AtomicFile.write([1], to: path)
            Issue.record("expected a failure")
        } catch {
            #expect(error == .cannotCreateTemporary(path: path, folder: scratch.path + "/no/such/folder", errno: ENOENT))
            #expect(error.description.hasPrefix(path + ": "))
            #expect(error.description.contains("No such file or directory"))
        }
        #expect(try scratch.contents() == [])
    }

    @Test func failedRenameRemovesTemporaryFile() throws {
        let scratch = try Scratch()
        // A non-empty folder cannot be replaced by a file, so the last step fails after the
        // temporary file was written.
        let path = scratch.path + "/taken"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        #expect(throws: AtomicFileError.self) { try AtomicFile.write([1, 2], to: path, overwrite: true) }
        #expect(try scratch.contents() == ["taken"])
    }

    @Test func emptyFileIsWritten() throws {
        let scratch = try Scratch()
        let path = scratch.path + "/empty"
        try AtomicFile.write([], to: path)
        #expect(FileManager.default.contents(atPath: path) == Data())
    }

    @Test func folderNameOfPaths() {
        #expect(AtomicFile.folderName(of: "a.bin") == ".")
        #expect(AtomicFile.folderName(of: "/a.bin") == "/")
        #expect(AtomicFile.folderName(of: "x/y/a.bin") == "x/y")
    }

    @Test func loadReportsMissingAndNonRegularFiles() throws {
        let scratch = try Scratch()
        let missing = scratch.path + "/missing.safetensors"
        #expect(throws: SafeTensorsError.unreadable(source: missing, reason: "No such file or directory")) {
            try SafeTensorsFile.load(path: missing)
        }
        #expect(throws: SafeTensorsError.unreadable(source: scratch.path, reason: "not a regular file")) {
            try SafeTensorsFile.load(path: scratch.path)
        }
    }

    @Test func loadReportsCorruptContentWithPath() throws {
        let scratch = try Scratch()
        let path = scratch.path + "/short.safetensors"
        try AtomicFile.write([1, 2, 3], to: path)
        #expect(throws: SafeTensorsError.fileTooShort(source: path, size: 3)) {
            try SafeTensorsFile.load(path: path)
        }
    }
}
