import Foundation

/// Writes a TensorBoard event file: the version record first, then one record per ``write(_:)``,
/// each handed to the kernel at once, so a reader (TensorBoard, `ganscope watch`) sees whole
/// records as soon as they are written.
///
/// The file is `<folder>/events.out.tfevents.<seconds>.<host>.<pid>.<n>`, the name TensorFlow and
/// PyTorch use; the folder is created if missing, and an existing file is never replaced.
///
/// ```swift
/// let writer = try EventFileWriter(folder: "tb")
/// try writer.write(Event(wallTime: Date().timeIntervalSince1970, step: 10,
///                        values: [SummaryValue(tag: "loss/D", content: .simpleValue(1.2))]))
/// ```
public final class EventFileWriter {
    public let path: String
    private let handle: FileHandle

    /// The first record of every event file.
    public static let fileVersion = "brain.Event:2"

    /// Creates the folder and the file, and writes the version record.
    public init(folder: String, now: Date = Date()) throws(EventFileError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(folder, (error as NSError).localizedDescription)
        }
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost"
        let seconds = Int(now.timeIntervalSince1970)
        var attempt = 0
        var descriptor: Int32 = -1
        var candidate = ""
        // O_EXCL: a file of the same second and process (a second writer) gets the next number.
        repeat {
            candidate = (folder as NSString).appendingPathComponent(
                String(format: "events.out.tfevents.%010d.%@.%d.%d", seconds, host, getpid(), attempt))
            descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
            attempt += 1
        } while descriptor < 0 && errno == EEXIST && attempt < 100
        guard descriptor >= 0 else { throw .cannotCreate(candidate, String(cString: strerror(errno))) }
        path = candidate
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try write(Event(wallTime: now.timeIntervalSince1970, fileVersion: Self.fileVersion))
    }

    /// Appends one event as one record.
    public func write(_ event: Event) throws(EventFileError) {
        do {
            try handle.write(contentsOf: TFRecord.frame(event.encoded()))
        } catch {
            throw .cannotWrite(path, (error as NSError).localizedDescription)
        }
    }

    public func close() { try? handle.close() }
}

public enum EventFileError: Error, CustomStringConvertible {
    case cannotCreate(String, String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "cannot create the event file \(path): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write the event file \(path): \(reason)"
        }
    }
}
