import Synchronization

/// A bounded blocking FIFO between the claiming thread and the workers. `put` blocks while
/// full, which is what stops claiming when the workers fall behind: unclaimed files stay
/// in the inbox, where other instances can take them.
///
/// Each put wakes one taker and each take one putter (and only when one waits): with 16
/// publishers idle on one queue, waking them all per item was most of the daemon's
/// scheduling cost.
final class WorkQueue<Item: Sendable>: @unchecked Sendable {
    /// `items.count - head`, readable without the lock (workers ask after every file).
    private let waiting = Atomic<Int>(0)
    // @unchecked: every stored property is guarded by `lock`.
    private let lock = PairedCondition()
    private static var itemArrived: PairedCondition.Kind { .first }
    private static var roomAppeared: PairedCondition.Kind { .second }
    /// Items from `head` on are waiting; taken slots are cleared at once (a taken result's
    /// JSON must not stay referenced here) and dropped once they are half of the array, so
    /// a queue that never runs empty during a long burst does not grow with it.
    private var items: [Item?] = []
    private var head = 0
    private var closed = false
    /// No more items will be put: takers drain what is left, then get nil.
    private var finishing = false
    private var waitingTakers = 0
    private var waitingPutters = 0
    let capacity: Int
    /// Taken slots at the front are dropped only from this many on (then in one move).
    private static var compactionMinimum: Int { 64 }
    /// Waiting items at or below which a blocked putter is woken.
    private let refillLevel: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        self.refillLevel = self.capacity / 2
    }

    /// Items waiting (a snapshot).
    var count: Int { waiting.load(ordering: .relaxed) }

    /// Adds an item, waiting for room; false (item not taken) once the queue is closed.
    func put(_ item: Item) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while !closed, items.count - head >= capacity {
            waitingPutters += 1
            lock.wait(Self.roomAppeared)
            waitingPutters -= 1
        }
        guard !closed else { return false }
        items.append(item)
        waiting.store(items.count - head, ordering: .relaxed)
        if waitingTakers > 0 { lock.signal(Self.itemArrived) }
        return true
    }

    /// The next item, waiting for one; nil once the queue is closed, or finished and empty.
    func take() -> Item? {
        lock.lock()
        defer { lock.unlock() }
        guard waitForItems() else { return nil }
        let item = items[head].take()!
        head += 1
        tookItems()
        return item
    }

    /// Up to `limit` waiting items in order, waiting for at least one; empty once the queue
    /// is closed, or finished and empty. One hand-off (and at most one wake-up) per batch.
    func take(upTo limit: Int) -> [Item] {
        lock.lock()
        defer { lock.unlock() }
        guard waitForItems() else { return [] }
        let end = min(items.count, head + max(1, limit))
        var batch: [Item] = []
        batch.reserveCapacity(end - head)
        for index in head..<end { batch.append(items[index].take()!) }
        head = end
        tookItems()
        return batch
    }

    /// Waits (lock held) until an item is there; false when there will be none.
    private func waitForItems() -> Bool {
        while !closed, !finishing, head == items.count {
            waitingTakers += 1
            lock.wait(Self.itemArrived)
            waitingTakers -= 1
        }
        return !closed && head < items.count
    }

    /// Drops taken slots and wakes a putter when room is due (lock held, `head` advanced).
    private func tookItems() {
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= Self.compactionMinimum, head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        waiting.store(items.count - head, ordering: .relaxed)
        // A waiting putter (the claiming thread, when the workers are behind) is woken once
        // half the queue is free, and then refills it in one go: waking it for every taken
        // item cost a context switch per file.
        if waitingPutters > 0, items.count - head <= refillLevel { lock.signal(Self.roomAppeared) }
    }

    /// Lets takers drain the remaining items and then end.
    func finish() {
        lock.lock()
        finishing = true
        lock.broadcast(Self.itemArrived)
        lock.unlock()
    }

    /// Closes the queue and hands back the items nobody took.
    func close() -> [Item] {
        lock.lock()
        defer { lock.unlock() }
        closed = true
        let rest = items[head...].compactMap { $0 }
        items.removeAll()
        head = 0
        waiting.store(0, ordering: .relaxed)
        lock.broadcast(Self.itemArrived)
        lock.broadcast(Self.roomAppeared)
        return rest
    }
}
