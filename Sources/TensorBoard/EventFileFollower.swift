import Glibc

/// Reads one event file as it grows: each ``poll()`` returns the events of the whole records
/// added since the last one.
///
/// - A record cut by the end of the file is not an error: the file is still being written, so
///   the follower remembers where the last whole record ended and reads from there next time
///   (``pendingBytes`` says how much is waiting).
/// - A record whose data fails its checksum, or whose data is not an event, is skipped with one
///   notice; the framing still says where the next one starts.
/// - A length that fails its checksum (or claims more than ``TFRecord/maximumLength``) leaves
///   nothing to frame the rest by: the follower stops reading the file, with one notice naming it.
public struct EventFileFollower: Sendable {
    public let path: String
    /// Where the next record starts: the end of the last whole record read.
    public private(set) var offset = 0
    /// Bytes after ``offset`` that are not a whole record yet (at the last poll).
    public private(set) var pendingBytes = 0
    /// Why reading this file stopped for good, if it did.
    public private(set) var stopReason: String?

    /// Bytes read per poll at most, so one huge file cannot stall a screen that polls many; it
    /// always holds the longest record accepted.
    public static let readLimit = TFRecord.maximumLength + TFRecord.headerSize + TFRecord.footerSize

    public init(path: String) { self.path = path }

    /// What one poll found.
    public struct Batch: Sendable {
        public var events: [Event] = []
        /// One line each, naming the file: records skipped, reading stopped.
        public var notices: [String] = []
        /// Whether the file may hold more than was read (the read limit was reached).
        public var more = false
    }

    /// Reads the records added since the last poll.
    public mutating func poll() -> Batch {
        var batch = Batch()
        guard stopReason == nil else { return batch }
        let bytes: [UInt8]
        switch readNewBytes() {
        case .success(let read):
            bytes = read.bytes
            batch.more = read.more
        case .failure(let problem):
            stop(problem.description, into: &batch)
            return batch
        }
        let scan = EventRecords.scan(bytes, startingAt: offset, path: path)
        batch.events = scan.events
        batch.notices = scan.notices
        if let reason = scan.stopReason { stop(reason, into: &batch) }
        let position = scan.consumed
        offset += position
        pendingBytes = stopReason == nil ? bytes.count - position : 0
        return batch
    }

    /// The notice for a file whose last record is cut off, if it is (for one-shot readers, for
    /// which the file will not grow any more).
    public var incompleteTail: String? {
        guard pendingBytes > 0 else { return nil }
        return "\(path): ends inside a record at byte \(offset) (\(pendingBytes) bytes of it: still being written, or cut off)"
    }

    private mutating func stop(_ reason: String, into batch: inout Batch) {
        stopReason = reason
        pendingBytes = 0
        batch.notices.append("\(path): \(reason); stopped reading this file")
    }

    private struct NewBytes {
        var bytes: [UInt8]
        var more: Bool
    }

    /// The bytes from ``offset`` to the end of the file (at most ``readLimit``).
    private func readNewBytes() -> Result<NewBytes, FollowError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(FollowError("cannot open: \(String(cString: strerror(errno)))")) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(FollowError("cannot read: \(String(cString: strerror(errno)))"))
        }
        let size = Int(status.st_size)
        guard size >= offset else {
            return .failure(FollowError("the file shrank below byte \(offset) (replaced?)"))
        }
        let count = min(size - offset, Self.readLimit)
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress.map { $0 + filled }, count - filled, off_t(offset + filled))
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return .failure(FollowError("cannot read: \(String(cString: strerror(errno)))")) }
            if got == 0 { break }  // shrank while reading: take what is there
            filled += got
        }
        return .success(NewBytes(bytes: Array(bytes.prefix(filled)), more: size - offset > count))
    }
}

/// Why a followed file cannot be read (its text goes into a notice with the path).
struct FollowError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
