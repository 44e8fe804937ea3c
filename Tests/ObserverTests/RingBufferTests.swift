import Synchronization
import Testing
@testable import Observer

@Suite struct RingBufferTests {
    @Test func keepsElementsInOrderUntilFull() {
        let buffer = RingBuffer<Int>(capacity: 3)
        #expect(buffer.capacity == 3)
        #expect(buffer.drain() == [])
        buffer.append(1)
        buffer.append(2)
        #expect(buffer.count == 2)
        #expect(buffer.snapshot() == [1, 2])
        #expect(buffer.count == 2)
        #expect(buffer.drain() == [1, 2])
        #expect(buffer.count == 0)
        #expect(buffer.droppedCount == 0)
    }

    @Test func overwritesOldestWhenFull() {
        let buffer = RingBuffer<Int>(capacity: 3)
        for value in 1...7 { buffer.append(value) }
        #expect(buffer.snapshot() == [5, 6, 7])
        #expect(buffer.droppedCount == 4)
        #expect(buffer.drain() == [5, 6, 7])
        buffer.append(8)
        #expect(buffer.drain() == [8])
        #expect(buffer.droppedCount == 4)
    }

    @Test func wrapsAroundAfterPartialDrain() {
        let buffer = RingBuffer<Int>(capacity: 2)
        buffer.append(1)
        buffer.append(2)
        buffer.append(3)
        #expect(buffer.drain() == [2, 3])
        buffer.append(4)
        buffer.append(5)
        #expect(buffer.snapshot() == [4, 5])
    }

    @Test func capacityOneKeepsOnlyTheNewest() {
        let buffer = RingBuffer<String>(capacity: 1)
        buffer.append("a")
        buffer.append("b")
        #expect(buffer.drain() == ["b"])
        #expect(buffer.droppedCount == 1)
    }

    @Test func drainReleasesElements() {
        final class Token: Sendable {}
        weak var weakToken: Token?
        let buffer = RingBuffer<Token>(capacity: 4)
        do {
            let token = Token()
            weakToken = token
            buffer.append(token)
        }
        _ = buffer.drain()
        #expect(weakToken == nil)
    }

    /// Producers append while a consumer drains: per-producer order is preserved and
    /// received + dropped == sent.
    @Test(.timeLimit(.minutes(1))) func concurrentAppendsAndDrains() throws {
        struct Stamp: Sendable { let producer: Int; let sequence: Int }
        let producers = 3
        let appendsPerProducer = 20_000
        let buffer = RingBuffer<Stamp>(capacity: 64)
        let producersDone = Counter()
        let received = Mutex<[Stamp]>([])
        try #require(runConcurrently(producers + 1) { thread in
            if thread < producers {
                for sequence in 0..<appendsPerProducer {
                    buffer.append(Stamp(producer: thread, sequence: sequence))
                }
                producersDone.add(1)
                return
            }
            while producersDone.value < producers {
                let batch = buffer.drain()
                received.withLock { $0.append(contentsOf: batch) }
            }
        })
        let all = received.withLock { $0 } + buffer.drain()
        #expect(all.count + buffer.droppedCount == producers * appendsPerProducer)
        for producer in 0..<producers {
            let sequences = all.filter { $0.producer == producer }.map(\.sequence)
            #expect(zip(sequences, sequences.dropFirst()).allSatisfy { $0 < $1 })
            #expect(sequences.allSatisfy { (0..<appendsPerProducer).contains($0) })
        }
    }
}
