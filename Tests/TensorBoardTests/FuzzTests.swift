import Foundation
import Randomness
import Testing
@testable import TensorBoard

/// Damaged event files never crash or hang the reader. A test that hung would fail by the time
/// limit; in debug builds every out-of-bounds index would trap.
@Suite(.timeLimit(.minutes(1))) struct FuzzTests {
    static let mutations = 10_000

    /// 10,000 copies of a real PyTorch event file (images, a grid and the version record: the
    /// smallest fixture, so this stays fast in a debug build), each with 1–8 random bytes
    /// replaced, inserted, deleted or the file cut short: every scan ends within the bytes.
    @Test func tenThousandMutationsOfARealFile() throws {
        let original = try Fixture.bytes("images")
        var random = SeededRNG(seed: 10)
        var events = 0, notices = 0, stopped = 0
        for _ in 0..<Self.mutations {
            let damaged = Self.mutate(original, &random)
            let scan = EventRecords.scan(damaged, startingAt: 0, path: "fuzz")
            #expect(scan.consumed <= damaged.count)
            events += scan.events.count
            notices += scan.notices.count
            if scan.stopReason != nil { stopped += 1 }
        }
        // The mutations hit every branch: some files read on, some skip records, some stop.
        #expect(events > 0)
        #expect(notices > 0)
        #expect(stopped > 0)
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
        for length in lastStart..<bytes.count {
            let scan = EventRecords.scan(Array(bytes.prefix(length)), startingAt: 0, path: "cut")
            #expect(scan.events.count == before, "cut at \(length)")
            #expect(scan.notices.isEmpty && scan.stopReason == nil, "cut at \(length)")
            #expect(scan.consumed == lastStart)
        }
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
        var random = SeededRNG(seed: 11)
        var decoded = 0, refused = 0
        for _ in 0..<Self.mutations {
            let payload = payloads[random.index(below: payloads.count)]
            let scan = EventRecords.scan(TFRecord.frame(Self.mutate(payload, &random)), startingAt: 0, path: "fuzz")
            decoded += scan.events.count
            refused += scan.notices.count
        }
        #expect(decoded > 0)
        #expect(refused > 0)
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
