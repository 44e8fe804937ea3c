import Foundation
@testable import TensorBoard

/// The event files PyTorch's SummaryWriter wrote (Tests/Interop/make_tfevents.py) and what the
/// script asked it to write.
enum Fixture {
    static func folder(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw FixtureMissing(name: name)
        }
        return url.path
    }

    static func file(_ name: String) throws -> String {
        "\(try folder(name))/events.out.tfevents.\(name)"
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: try file(name))))
    }

    /// expected.json: fixture → tag → facts.
    static func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try folder("expected.json")))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// All events of a whole file, read at once.
    static func events(_ name: String) throws -> [Event] {
        var follower = EventFileFollower(path: try file(name))
        return follower.poll().events
    }

    struct FixtureMissing: Error { let name: String }
}

/// A fresh folder under the temporary directory, removed by the caller.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "tensorboard-tests-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes `bytes` as the whole file at `path`.
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}
