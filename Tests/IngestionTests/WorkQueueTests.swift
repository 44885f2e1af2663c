import Foundation
import Glibc
import Testing
@testable import Ingestion

@Suite struct WorkQueueTests {
    @Test func itemsComeOutInOrder() {
        let queue = WorkQueue<Int>(capacity: 4)
        for value in 1...4 { #expect(queue.put(value)) }
        #expect([queue.take(), queue.take(), queue.take(), queue.take()] == [1, 2, 3, 4])
    }

    @Test func aFullQueueBlocksThePutterUntilATake() throws {
        let queue = WorkQueue<Int>(capacity: 1)
        #expect(queue.put(1))
        let second = LockedFlag()
        let thread = Thread { second.set(queue.put(2)) }
        thread.start()
        // The putter cannot finish while the queue is full: it is still waiting when we take.
        #expect(queue.count == 1)
        #expect(queue.take() == 1)
        try waitUntil { second.value == true }
        #expect(queue.take() == 2)
    }

    /// The putter is woken once half the queue is free (not for every take) and then
    /// refills it: nothing is lost or reordered, and it never stays blocked on a queue with room.
    @Test func aBlockedPutterRefillsOnceHalfTheQueueIsFree() throws {
        let queue = WorkQueue<Int>(capacity: 4)
        for value in 1...4 { #expect(queue.put(value)) }
        let putsDone = Summer()
        let thread = Thread { for value in 5...8 { if queue.put(value) { putsDone.add(1) } } }
        thread.start()
        #expect(queue.take() == 1)
        #expect(queue.take() == 2)
        // Two of four are free now: the putter gets its turn and fills the queue again.
        try waitUntil { putsDone.count == 2 }
        #expect(queue.count == 4)
        #expect((0..<6).map { _ in queue.take() } == [3, 4, 5, 6, 7, 8])
        try waitUntil { putsDone.count == 4 }
    }

    /// A queue that never runs empty (a long burst) must not keep what was taken alive:
    /// each result holds its JSON, and keeping them all made RSS grow with the burst.
    @Test func takenItemsAreReleasedWhileTheQueueNeverRunsEmpty() {
        final class Payload: Sendable {}
        let queue = WorkQueue<Payload>(capacity: 4)
        weak var first: Payload?
        do {
            let payload = Payload()
            first = payload
            #expect(queue.put(payload))
        }
        for _ in 0..<500 {
            #expect(queue.put(Payload()))
            _ = queue.take()
            #expect(queue.count == 1)
        }
        #expect(first == nil)
        #expect(queue.close().count == 1)
    }

    @Test func aBatchTakeReturnsTheWaitingItemsInOrderUpToItsLimit() {
        let queue = WorkQueue<Int>(capacity: 8)
        for value in 1...5 { _ = queue.put(value) }
        #expect(queue.take(upTo: 3) == [1, 2, 3])
        #expect(queue.count == 2)
        #expect(queue.take(upTo: 10) == [4, 5])
        queue.finish()
        #expect(queue.take(upTo: 10).isEmpty)
    }

    @Test func aBatchTakeOnAnEmptyQueueGetsTheNextItem() throws {
        let queue = WorkQueue<Int>(capacity: 8)
        let taken = Summer()
        let thread = Thread { for value in queue.take(upTo: 4) { taken.add(value) } }
        thread.start()
        #expect(queue.put(7))
        try waitUntil { taken.count == 1 }
        #expect(taken.sum == 7)
    }

    @Test func aGatheringTakeWaitsForItsWholeBatch() throws {
        let queue = WorkQueue<Int>(capacity: 8)
        let batches = Summer()
        let taken = Summer()
        // The 600 s bound is never reached: the fourth item completes the batch.
        let thread = Thread {
            let batch = queue.take(upTo: 8, gathering: 4, for: 600)
            for value in batch { taken.add(value) }
            batches.add(1)
        }
        #expect(queue.put(1))
        thread.start()
        try waitUntil { queue.isGathering }
        for value in 2...4 { #expect(queue.put(value)) }
        try waitUntil { batches.count == 1 }
        #expect(taken.count == 4)
        #expect(taken.sum == 10)
    }

    @Test func anotherTakerLeavesTheGatheredItemsToTheGatherer() throws {
        let queue = WorkQueue<Int>(capacity: 8)
        let gathered = Summer()
        let other = Summer()
        #expect(queue.put(1))
        let gatherer = Thread { for value in queue.take(upTo: 8, gathering: 3, for: 600) { gathered.add(value) } }
        gatherer.start()
        try waitUntil { queue.isGathering }
        let second = Thread { for value in queue.take(upTo: 8) { other.add(value) } }
        second.start()
        #expect(queue.put(2))
        #expect(queue.put(3))
        try waitUntil { gathered.count == 3 }
        #expect(other.count == 0)
        // The other taker gets what comes next.
        #expect(queue.put(4))
        try waitUntil { other.count == 1 }
        #expect(other.sum == 4)
    }

    @Test func aGatheringTakeEndsAtItsDeadlineWithWhatItHas() throws {
        let queue = WorkQueue<Int>(capacity: 8)
        #expect(queue.put(5))
        #expect(queue.take(upTo: 8, gathering: 4, for: 0.01) == [5])
    }

    @Test func closingHandsBackWhatNobodyTookAndRefusesMore() {
        let queue = WorkQueue<Int>(capacity: 8)
        for value in 1...3 { _ = queue.put(value) }
        #expect(queue.take() == 1)
        #expect(queue.close() == [2, 3])
        #expect(queue.take() == nil)
        #expect(!queue.put(4))
    }

    @Test func finishingLetsTakersDrainThenEnd() {
        let queue = WorkQueue<Int>(capacity: 8)
        for value in 1...2 { _ = queue.put(value) }
        queue.finish()
        #expect(queue.take() == 1)
        #expect(queue.take() == 2)
        #expect(queue.take() == nil)
    }

    @Test func concurrentProducersAndConsumersLoseNothing() throws {
        let queue = WorkQueue<Int>(capacity: 3)
        let total = Summer()
        let group = DispatchGroup()
        for consumer in 0..<3 {
            group.enter()
            Thread { while let value = queue.take() { total.add(value) }; group.leave() }.start()
            _ = consumer
        }
        for producer in 0..<4 {
            group.enter()
            Thread { for value in 1...1000 { _ = queue.put(value + producer * 1000) }; group.leave() }.start()
        }
        try waitUntil { total.count == 4000 }
        queue.finish()
        group.wait()
        #expect(total.sum == (1...4000).reduce(0, +))
    }

    @Test func groupedDirectorySyncsServeEveryCaller() throws {
        let directory = TemporaryDirectory()
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        let group = DirectorySyncGroup(directory: fd, name: "test")
        let done = Summer()
        for _ in 0..<32 {
            Thread { try? group.sync(); done.add(1) }.start()
        }
        try waitUntil { done.count == 32 }
        let bad = DirectorySyncGroup(directory: -1, name: "closed")
        #expect(throws: SystemCallError.self) { try bad.sync() }
    }

    private func waitUntil(_ condition: () -> Bool) throws {
        let deadline = Date(timeIntervalSinceNow: 60)
        while !condition() {
            guard Date() < deadline else { throw SystemCallError("wait", code: ETIMEDOUT) }
            usleep(1000)
        }
    }
}

/// Thread-safe test counters.
final class Summer: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0, items = 0
    func add(_ value: Int) { lock.withLock { total += value; items += 1 } }
    var sum: Int { lock.withLock { total } }
    var count: Int { lock.withLock { items } }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Bool?
    func set(_ value: Bool) { lock.withLock { stored = value } }
    var value: Bool? { lock.withLock { stored } }
}
