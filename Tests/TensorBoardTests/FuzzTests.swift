import Foundation
import Randomness
import Synchronization
import TestSupport
import Testing
@testable import TensorBoard

/// Damaged event files never crash or hang the reader. The scans run under `BoundedWait`, so a
/// reader that looped forever fails the test instead of hanging the run; in debug builds every
/// out-of-bounds index would trap.
@Suite struct FuzzTests {
    static let mutations = 10_000

    /// 10,000 copies of a real PyTorch event file (images, a grid and the version record: the
    /// smallest fixture, so this stays fast in a debug build), each with 1–8 random bytes
    /// replaced, inserted, deleted or the file cut short: every scan ends within the bytes.
    @Test func tenThousandMutationsOfARealFile() throws {
        let original = try Fixture.bytes("images")
        let tally = try Self.bounded {
            var random = SeededRNG(seed: 10)
            var events = 0, notices = 0, stopped = 0, overran = 0
            for _ in 0..<Self.mutations {
                let damaged = Self.mutate(original, &random)
                let scan = EventRecords.scan(damaged, startingAt: 0, path: "fuzz")
                if scan.consumed > damaged.count { overran += 1 }
                events += scan.events.count
                notices += scan.notices.count
                if scan.stopReason != nil { stopped += 1 }
            }
            return (events: events, notices: notices, stopped: stopped, overran: overran)
        }
        #expect(tally.overran == 0, "scans that claimed more bytes than the file has")
        // The mutations hit every branch: some files read on, some skip records, some stop.
        #expect(tally.events > 0)
        #expect(tally.notices > 0)
        #expect(tally.stopped > 0)
    }

    /// Cut at every byte of the last record: the records before it are read, the rest waits,
    /// and nothing is reported as damage.
    @Test func truncatedAtEveryByteOfTheLastRecord() throws {
        let bytes = try Fixture.bytes("scalars")
        let whole = EventRecords.scan(bytes, startingAt: 0, path: "cut")
        #expect(whole.consumed == bytes.count)
        let before = whole.events.count - 1
        // Where the last record starts: after all the others.
        var lastStart = 0
        bytes.withUnsafeBytes { raw in
            while case .record(_, let end) = TFRecord.next(in: raw, at: lastStart), end < bytes.count { lastStart = end }
        }
        let badCuts = try Self.bounded { [lastStart] in
            (lastStart..<bytes.count).filter { length in
                let scan = EventRecords.scan(Array(bytes.prefix(length)), startingAt: 0, path: "cut")
                return scan.events.count != before || !scan.notices.isEmpty || scan.stopReason != nil
                    || scan.consumed != lastStart
            }
        }
        #expect(badCuts.isEmpty, "cuts read as damage or past the last whole record: \(badCuts)")
    }

    /// The same mutations inside records whose checksums are then made right again, so the
    /// protobuf decoder sees the damage (a checksum would stop almost all of it first).
    @Test func tenThousandMutatedEventsBehindGoodChecksums() throws {
        let payloads = try (Fixture.bytes("scalars") + Fixture.bytes("images")).withUnsafeBytes { raw in
            var payloads: [[UInt8]] = []
            var offset = 0
            while case .record(let data, let end) = TFRecord.next(in: raw, at: offset) {
                payloads.append(Array(raw[data]))
                offset = end
            }
            return payloads
        }
        try #require(payloads.count > 10)
        let tally = try Self.bounded {
            var random = SeededRNG(seed: 11)
            var decoded = 0, refused = 0
            for _ in 0..<Self.mutations {
                let payload = payloads[random.index(below: payloads.count)]
                let scan = EventRecords.scan(TFRecord.frame(Self.mutate(payload, &random)), startingAt: 0, path: "fuzz")
                decoded += scan.events.count
                refused += scan.notices.count
            }
            return (decoded: decoded, refused: refused)
        }
        #expect(tally.decoded > 0)
        #expect(tally.refused > 0)
    }

    /// Runs the scans on a thread of their own for at most `BoundedWait.seconds` and returns
    /// what they found; a scan that never ends fails the test here.
    static func bounded<Found: Sendable>(_ scans: @escaping @Sendable () -> Found,
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> Found {
        let found = Mutex<Found?>(nil)
        let ended = BoundedWait.finishes {
            let result = scans()
            found.withLock { $0 = result }
        }
        try #require(ended, "the scans did not end within \(Int(BoundedWait.seconds)) s", sourceLocation: sourceLocation)
        return try #require(found.withLock { $0 }, sourceLocation: sourceLocation)
    }

    static func mutate(_ bytes: [UInt8], _ random: inout SeededRNG) -> [UInt8] {
        var damaged = bytes
        for _ in 0...random.index(below: 8) {
            guard !damaged.isEmpty else { break }
            let at = random.index(below: damaged.count)
            switch random.index(below: 4) {
            case 0: damaged[at] = UInt8(truncatingIfNeeded: random.next())
            case 1: damaged.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
            case 2: damaged.remove(at: at)
            default: damaged.removeLast(random.index(below: min(damaged.count, 64)))
            }
        }
        return damaged
    }
}
