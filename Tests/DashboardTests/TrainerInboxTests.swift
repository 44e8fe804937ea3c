import GAN
import Testing
@testable import Dashboard

@Suite struct TrainerInboxTests {
    /// A readable trace of events: kind and, for steps, pictures and snapshots, the step.
    private static func trace(_ events: [TrainerEvent]) -> [String] {
        events.map { event in
            switch event {
            case .step(let metrics): "step \(metrics.step)"
            case .samples(let samples): "samples \(samples.step)"
            case .checkpointSaved(_, let step): "snapshot \(step)"
            case .state(let state): state.label
            default: "\(event.kind)"
            }
        }
    }

    @Test func theUISeesEventsInTheOrderTheyWereSent() {
        let inbox = TrainerInbox()
        let sent: [TrainerEvent] = [
            .started(Fixtures.info()), .state(.running), .step(Fixtures.metrics(step: 1)),
            .samples(Fixtures.samples(step: 1)), .step(Fixtures.metrics(step: 2)),
            .checkpointSaved(path: "c/run-000002.safetensors", step: 2), .step(Fixtures.metrics(step: 3)),
            .state(.finished),
        ]
        sent.forEach(inbox.receive)
        #expect(Self.trace(inbox.drain()) == Self.trace(sent))
        #expect(inbox.drain().isEmpty)
    }

    @Test func picturesAreCoalescedAndMayBeHeldBack() {
        let inbox = TrainerInbox()
        inbox.receive(.step(Fixtures.metrics(step: 1)))
        inbox.receive(.samples(Fixtures.samples(step: 1)))
        inbox.receive(.step(Fixtures.metrics(step: 2)))
        inbox.receive(.samples(Fixtures.samples(step: 2)))
        inbox.receive(.state(.paused))
        #expect(Self.trace(inbox.drain(holdingBack: [.samples])) == ["step 1", "step 2", "PAUSED"])
        inbox.receive(.step(Fixtures.metrics(step: 3)))
        #expect(Self.trace(inbox.drain()) == ["samples 2", "step 3"])
        #expect(inbox.droppedCount == 1)
    }

    /// However far the UI falls behind, the steps waiting stay bounded and the rare events stay.
    @Test func stepsAreBoundedAndRareEventsKept() {
        let inbox = TrainerInbox()
        let total = 3 * TrainerInbox.stepLimit
        for step in 1...total {
            inbox.receive(.step(Fixtures.metrics(step: step)))
            if step.isMultiple(of: 1000) { inbox.receive(.notice("at \(step)")) }
        }
        let events = inbox.drain()
        let steps = events.compactMap { if case .step(let m) = $0 { m.step } else { nil } }
        #expect(steps.count <= TrainerInbox.stepLimit)
        #expect(steps.last == total)
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0 < $1 })
        #expect(events.filter { $0.kind == .notice }.count == total / 1000)
        #expect(steps.count + inbox.droppedCount == total)
    }
}
