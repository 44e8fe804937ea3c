import Synchronization
import Testing
@testable import Observer

@Suite struct SubjectTests {
    @Test func deliversToEverySubscriberInOrder() {
        let subject = Subject<Numbered>()
        let recorder = Recorder<String>()
        let first = subject.subscribe { recorder.record("a\($0)") }
        let second = subject.subscribe { recorder.record("b\($0)") }
        subject.send(1)
        subject.send(2)
        #expect(recorder.all == ["a1", "b1", "a2", "b2"])
        #expect(subject.subscriberCount == 2)
        first.cancel()
        second.cancel()
    }

    @Test func sendWithoutSubscribersDoesNothing() {
        let subject = Subject<Numbered>()
        subject.send(1)
        #expect(subject.subscriberCount == 0)
    }

    @Test func cancelStopsDeliveryAndIsIdempotent() {
        let subject = Subject<Numbered>()
        let recorder = Recorder<Numbered>()
        let subscription = subject.subscribe { recorder.record($0) }
        subject.send(1)
        subscription.cancel()
        #expect(subscription.isCancelled)
        subscription.cancel()
        subject.send(2)
        #expect(recorder.all == [1])
        #expect(subject.subscriberCount == 0)
    }

    @Test func droppingTheSubscriptionCancelsIt() {
        let subject = Subject<Numbered>()
        let recorder = Recorder<Numbered>()
        do {
            let subscription = subject.subscribe { recorder.record($0) }
            subject.send(1)
            withExtendedLifetime(subscription) {}
        }
        subject.send(2)
        #expect(recorder.all == [1])
        #expect(subject.subscriberCount == 0)
    }

    @Test func subscriptionOutlivingItsSubjectCancelsSafely() {
        var subject: Subject<Numbered>? = Subject<Numbered>()
        let subscription = subject?.subscribe { _ in }
        subject = nil
        subscription?.cancel()
        #expect(subscription?.isCancelled == true)
    }

    @Test func subscriptionsDoNotKeepTheSubjectAlive() {
        weak var weakSubject: Subject<Numbered>?
        var subscription: Subscription?
        do {
            let subject = Subject<Numbered>()
            weakSubject = subject
            subscription = subject.subscribe { _ in }
        }
        #expect(weakSubject == nil)
        #expect(subscription?.isCancelled == false)
    }

    @Test func handlerMayCancelItselfAndSendAgain() {
        let subject = Subject<Numbered>()
        let recorder = Recorder<Numbered>()
        let holder = Mutex<Subscription?>(nil)
        let subscription = subject.subscribe { value in
            recorder.record(value)
            if value == 1 {
                holder.withLock { $0?.cancel() }
                subject.send(2)  // re-entrant: must not deadlock, and must not reach us
            }
        }
        holder.withLock { $0 = subscription }
        subject.send(1)
        subject.send(3)
        #expect(recorder.all == [1])
    }

    @Test func cancelDuringSendSkipsHandlersNotYetReached() {
        let subject = Subject<Numbered>()
        let recorder = Recorder<String>()
        let holder = Mutex<Subscription?>(nil)
        let first = subject.subscribe { _ in
            recorder.record("first")
            holder.withLock { $0?.cancel() }
        }
        let second = subject.subscribe { _ in recorder.record("second") }
        holder.withLock { $0 = second }
        subject.send(1)
        #expect(recorder.all == ["first"])
        first.cancel()
    }

    /// Senders on several threads while subscribers come and go: stayers see every event exactly
    /// once; a cancelled subscriber gets at most one late delivery per concurrent sender.
    @Test func concurrentSendsWithChurningSubscribers() throws {
        let senders = 4
        let eventsPerSender = 5_000
        let subject = Subject<Numbered>()

        let stayerCount = 3
        let stayerTotals = (0..<stayerCount).map { _ in Counter() }
        let stayerSums = (0..<stayerCount).map { _ in Counter() }
        let stayers = (0..<stayerCount).map { index in
            subject.subscribe { value in
                stayerTotals[index].add(1)
                stayerSums[index].add(value.value)
            }
        }

        let sendersDone = Counter()
        // For each churned subscriber: its counter and the count it had when cancel returned.
        let cancelled = Mutex<[(received: Counter, atCancel: Int)]>([])
        try #require(runConcurrently(senders + 1) { thread in
            if thread < senders {
                for index in 0..<eventsPerSender {
                    subject.send(Numbered(thread * eventsPerSender + index))
                }
                sendersDone.add(1)
                return
            }
            // The churner keeps going while senders run, and for a minimum number of rounds in
            // case the senders were scheduled first and already finished.
            var round = 0
            while round < 50 || sendersDone.value < senders {
                let received = Counter()
                let subscription = subject.subscribe { _ in received.add(1) }
                while received.value < 3 && sendersDone.value < senders {}
                subscription.cancel()
                let atCancel = received.value
                cancelled.withLock { $0.append((received, atCancel)) }
                round += 1
            }
        })

        let total = senders * eventsPerSender
        let expectedSum = (0..<total).reduce(0, +)
        for index in 0..<stayerCount {
            #expect(stayerTotals[index].value == total)
            #expect(stayerSums[index].value == expectedSum)
        }
        let churned = cancelled.withLock { $0 }
        #expect(churned.count >= 50)
        // All sends have returned now, so every late delivery has happened.
        let late = churned.map { $0.received.value - $0.atCancel }
        #expect(late.allSatisfy { $0 <= senders }, "late deliveries: \(late.filter { $0 > 0 })")
        #expect(subject.subscriberCount == stayerCount)
        stayers.forEach { $0.cancel() }
        #expect(subject.subscriberCount == 0)
    }

    @Test func concurrentSubscribeAndCancelKeepsCountConsistent() throws {
        let subject = Subject<Numbered>()
        let delivered = Counter()
        try #require(runConcurrently(4) { _ in
            for _ in 0..<1_000 {
                let subscription = subject.subscribe { _ in delivered.add(1) }
                subject.send(0)
                subscription.cancel()
            }
        })
        #expect(subject.subscriberCount == 0)
        // Each send reaches at least the sender's own subscriber.
        #expect(delivered.value >= 4_000)
    }

    @Test func kindSubscribersGetOnlyTheirKinds() {
        let subject = Subject<Numbered>()
        let odd = Recorder<Numbered>(), all = Recorder<Numbered>()
        let oddOnly = subject.subscribe(to: [.odd]) { odd.record($0) }
        let everything = subject.subscribe { all.record($0) }
        for value in 1...4 { subject.send(Numbered(value)) }
        #expect(odd.all == [1, 3])
        #expect(all.all == [1, 2, 3, 4])
        oddOnly.cancel()
        everything.cancel()
    }

    @Test func wantsTellsWhetherAnyoneTakesAKind() {
        let subject = Subject<Numbered>()
        #expect(!subject.wants(.odd))
        let oddOnly = subject.subscribe(to: [.odd]) { _ in }
        #expect(subject.wants(.odd) && !subject.wants(.even))
        let everything = subject.subscribe { _ in }
        #expect(subject.wants(.even))
        everything.cancel()
        #expect(!subject.wants(.even))
        oddOnly.cancel()
        #expect(!subject.wants(.odd))
    }
}
