import Foundation
import Testing
@testable import TensorBoard

/// Files written by PyTorch's real SummaryWriter read back as PyTorch was asked to write them.
@Suite struct FixtureTests {
    @Test func scalarsInBothForms() throws {
        let expected = try #require(Fixture.expected()["scalars"] as? [String: [String: Any]])
        var run = RunLog(name: "scalars")
        for event in try Fixture.events("scalars") { run.add(event) }
        #expect(Set(run.scalars.keys) == Set(expected.keys))
        for (tag, facts) in expected {
            let series = try #require(run.scalars[tag])
            let steps = try #require(facts["steps"] as? [Int])
            let values = try #require(facts["values"] as? [Double])
            #expect(series.steps == steps.map(Int64.init), "\(tag)")
            // PyTorch stores float32: compare at that precision.
            for (read, wanted) in zip(series.values, values) {
                #expect(abs(read - wanted) <= 1e-6 * max(1, abs(wanted)), "\(tag)")
            }
        }
    }

    @Test func newStyleScalarIsATensorFromTheScalarsPlugin() throws {
        let values = try Fixture.events("scalars").flatMap(\.values).filter { $0.tag == "accuracy" }
        #expect(!values.isEmpty)
        for value in values {
            guard case .tensor = value.content else {
                Issue.record("accuracy should be a tensor value")
                continue
            }
            #expect(value.pluginName == "scalars")
            #expect(value.scalar != nil)
        }
    }

    @Test func imagesAndGrid() throws {
        let expected = try #require(Fixture.expected()["images"] as? [String: [String: Any]])
        var run = RunLog(name: "images")
        for event in try Fixture.events("images") { run.add(event) }
        #expect(Set(run.images.keys) == Set(expected.keys))
        for (tag, facts) in expected {
            let series = try #require(run.images[tag])
            #expect(series.entries.map(\.step) == (facts["steps"] as? [Int] ?? []).map(Int64.init))
            for entry in series.entries {
                #expect(entry.image.width == facts["width"] as? Int)
                #expect(entry.image.height == facts["height"] as? Int)
                #expect(entry.image.colorspace == facts["channels"] as? Int)
                #expect(Array(entry.image.encoded.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            }
        }
    }

    @Test func fileCutInsideItsLastRecord() throws {
        let expected = try #require(Fixture.expected()["cut"] as? [String: Int])
        var follower = EventFileFollower(path: try Fixture.file("cut"))
        let batch = follower.poll()
        #expect(batch.notices.isEmpty, "a cut record is not damage while a file grows")
        #expect(follower.stopReason == nil)
        // Every record but the last, which lost its end.
        #expect(batch.events.count == (try Fixture.events("scalars")).count - 1)
        #expect(follower.pendingBytes > 0)
        #expect(follower.offset + follower.pendingBytes == expected["fileBytes"])
        let tail = try #require(follower.incompleteTail)
        #expect(tail.contains("events.out.tfevents.cut"))
        #expect(tail.contains("ends inside a record at byte \(follower.offset)"))
    }

    @Test func tagSummariesSayKindCountStepsAndLastValue() throws {
        var run = RunLog(name: "scalars")
        for event in try Fixture.events("scalars") + (try Fixture.events("images")) { run.add(event) }
        let summaries = Dictionary(uniqueKeysWithValues: run.tagSummaries.map { ($0.tag, $0) })
        let loss = try #require(summaries["Loss/D"])
        #expect(loss.kind == .scalar)
        #expect(loss.count == 10)
        #expect(loss.firstStep == 0)
        #expect(loss.lastStep == 45)
        #expect(abs((loss.lastValue ?? 0) - 1.05) < 1e-6)
        let grid = try #require(summaries["grid"])
        #expect(grid.kind == .image)
        #expect(grid.count == 2)
        #expect(grid.lastImage == "24x4")
    }
}
