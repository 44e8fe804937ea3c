/// Turns the bytes of an event file (from a record boundary on) into events: the pure core of
/// ``EventFileFollower``, kept apart so that tests can feed it any bytes without files.
public enum EventRecords {
    public struct Scan: Sendable {
        public var events: [Event] = []
        /// Records skipped, one line each, naming the file and the byte where the record starts.
        public var notices: [String] = []
        /// Bytes of whole records (good or skipped) from the start; the rest waits for more.
        public var consumed = 0
        /// Set when nothing after `consumed` can be framed: a bad length.
        public var stopReason: String?
    }

    /// Scans `bytes`, which start at byte `base` of the file at `path` (for the notices).
    public static func scan(_ bytes: [UInt8], startingAt base: Int, path: String) -> Scan {
        var scan = Scan()
        bytes.withUnsafeBytes { raw in
            while true {
                let start = base + scan.consumed
                switch TFRecord.next(in: raw, at: scan.consumed) {
                case .record(let data, let end):
                    do {
                        scan.events.append(try Event(decoding: bytes, range: data))
                    } catch {
                        scan.notices.append("\(path): record at byte \(start) is not an event (\(error)); skipped")
                    }
                    scan.consumed = end
                case .badDataChecksum(let end):
                    scan.notices.append("\(path): record at byte \(start) fails its data checksum; skipped")
                    scan.consumed = end
                case .incomplete:
                    return
                case .badLengthChecksum:
                    scan.stopReason = "length checksum wrong at byte \(start)"
                    return
                case .tooLong(let length):
                    scan.stopReason = "record at byte \(start) claims \(length) bytes, over the "
                        + "\(TFRecord.maximumLength >> 20) MiB limit"
                    return
                }
            }
        }
        return scan
    }
}
