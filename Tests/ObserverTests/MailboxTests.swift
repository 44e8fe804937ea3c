import Synchronization
import Testing
@testable import Observer

@Suite struct MailboxTests {
    @Test func startsEmpty() {
        let mailbox = Mailbox<Int>()
        #expect(mailbox.peek() == nil)
        #expect(mailbox.take() == nil)
        #expect(mailbox.droppedCount == 0)
    }

    @Test func takeReturnsLatestAndClears() {
        let mailbox = Mailbox<String>()
        mailbox.put("a")
        mailbox.put("b")
        #expect(mailbox.peek() == "b")
        #expect(mailbox.peek() == "b")
        #expect(mailbox.take() == "b")
        #expect(mailbox.take() == nil)
        #expect(mailbox.droppedCount == 1)
    }

    @Test func putAfterTakeIsNotADrop() {
        let mailbox = Mailbox<Int>()
        mailbox.put(1)
        _ = mailbox.take()
        mailbox.put(2)
        #expect(mailbox.droppedCount == 0)
        #expect(mailbox.take() == 2)
    }

    /// Producers put increasing sequence numbers while a consumer takes: every taken value was
    /// put, each producer's values arrive in increasing order, and taken + dropped + left == put.
    @Test(.timeLimit(.minutes(1))) func concurrentPutsAndTakes() throws {
        struct Stamp: Sendable, Equatable { let producer: Int; let sequence: Int }
        let producers = 3
        let putsPerProducer = 20_000
        let mailbox = Mailbox<Stamp>()
        let producersDone = Counter()
        let taken = Recorder<Stamp>()
        try #require(runConcurrently(producers + 1) { thread in
            if thread < producers {
                for sequence in 0..<putsPerProducer {
                    mailbox.put(Stamp(producer: thread, sequence: sequence))
                }
                producersDone.add(1)
                return
            }
            while producersDone.value < producers {
                if let stamp = mailbox.take() { taken.record(stamp) }
            }
        })
        let left = mailbox.take()
        let all = taken.all + (left.map { [$0] } ?? [])
        #expect(all.count + mailbox.droppedCount == producers * putsPerProducer)
        for stamp in all {
            #expect((0..<producers).contains(stamp.producer))
            #expect((0..<putsPerProducer).contains(stamp.sequence))
        }
        for producer in 0..<producers {
            let sequences = all.filter { $0.producer == producer }.map(\.sequence)
            #expect(zip(sequences, sequences.dropFirst()).allSatisfy { $0 < $1 })
        }
    }
}
