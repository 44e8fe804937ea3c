import Synchronization
import Testing
@testable import Observer

@Suite struct EventQueueTests {
    /// Odd numbers stand for rare events (all kept), even ones for frequent pictures (latest only).
    private static func picturesAreEven(_ kind: Numbered.Kind) -> Retention { kind == .even ? .latest : .every }

    @Test func takesEverythingInSendOrder() {
        let queue = EventQueue<Numbered> { _ in .every }
        #expect(queue.take().isEmpty)
        for value in [3, 1, 4, 1, 5] { queue.put(Numbered(value)) }
        #expect(queue.take() == [3, 1, 4, 1, 5])
        #expect(queue.take().isEmpty)
        #expect(queue.droppedCount == 0)
    }

    @Test func latestReplacesTheWaitingOneAtTheBack() {
        let queue = EventQueue<Numbered>(retention: Self.picturesAreEven)
        for value in [1, 2, 3, 4, 5] { queue.put(Numbered(value)) }
        // 2 was replaced by 4, which waits where it was sent: after 3, before 5.
        #expect(queue.take() == [1, 3, 4, 5])
        #expect(queue.droppedCount == 1)
    }

    @Test func recentKeepsTheNewestAndCountsTheDropped() {
        let queue = EventQueue<Numbered> { $0 == .even ? .recent(limit: 4) : .every }
        for value in 1...20 { queue.put(Numbered(value)) }
        let taken = queue.take().map(\.value)
        let evens = taken.filter { $0.isMultiple(of: 2) }
        #expect(evens.count <= 4)
        #expect(evens.last == 20)
        #expect(zip(evens, evens.dropFirst()).allSatisfy { $0 < $1 })
        #expect(taken.filter { !$0.isMultiple(of: 2) } == Array(stride(from: 1, through: 19, by: 2)))
        #expect(queue.droppedCount == 10 - evens.count)
    }

    @Test func heldBackKindsWaitForALaterTake() {
        let queue = EventQueue<Numbered>(retention: Self.picturesAreEven)
        for value in [1, 2, 3] { queue.put(Numbered(value)) }
        #expect(queue.take(holdingBack: [.even]) == [1, 3])
        queue.put(5)
        #expect(queue.take(holdingBack: [.even]) == [5])
        queue.put(6)  // replaces the held-back 2
        queue.put(7)
        #expect(queue.take() == [6, 7])
        #expect(queue.droppedCount == 1)
    }

    /// Producers put while a consumer takes: each producer's events arrive in the order it put
    /// them, and taken + dropped == put.
    @Test func concurrentPutsAndTakes() throws {
        let producers = 3
        let putsPerProducer = 20_000
        // Producer p puts p + producers·i: the residue tells producers apart, the quotient is the order.
        let queue = EventQueue<Numbered> { $0 == .even ? .recent(limit: 64) : .every }
        let producersDone = Counter()
        let received = Mutex<[Int]>([])
        try #require(runConcurrently(producers + 1) { thread in
            if thread < producers {
                for index in 0..<putsPerProducer { queue.put(Numbered(thread + producers * index)) }
                producersDone.add(1)
                return
            }
            while producersDone.value < producers {
                let batch = queue.take().map(\.value)
                received.withLock { $0.append(contentsOf: batch) }
            }
        })
        let all = received.withLock { $0 } + queue.take().map(\.value)
        #expect(all.count + queue.droppedCount == producers * putsPerProducer)
        for producer in 0..<producers {
            let order = all.filter { $0 % producers == producer }.map { $0 / producers }
            #expect(zip(order, order.dropFirst()).allSatisfy { $0 < $1 })
        }
    }
}
