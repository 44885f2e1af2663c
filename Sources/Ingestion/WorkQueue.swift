import Synchronization

/// A bounded blocking FIFO between the claiming thread and the workers. `put` blocks while
/// full, which is what stops claiming when the workers fall behind: unclaimed files stay
/// in the inbox, where other instances can take them.
///
/// Each put wakes one taker and each take one putter (and only when one waits): with 16
/// publishers idle on one queue, waking them all per item was most of the daemon's
/// scheduling cost. A batch taker may gather: wait a little for more items before it takes
/// (`take(upTo:gathering:for:)`); while it does, puts wake nobody until its batch is full.
final class WorkQueue<Item: Sendable>: @unchecked Sendable {
    /// `items.count - head`, readable without the lock (workers ask after every file).
    private let waiting = Atomic<Int>(0)
    // @unchecked: every stored property is guarded by `lock`.
    private let lock = PairedCondition()
    private static var itemArrived: PairedCondition.Kind { .first }
    private static var roomAppeared: PairedCondition.Kind { .second }
    private static var batchGathered: PairedCondition.Kind { .third }
    /// Items from `head` on are waiting; taken slots are cleared at once (a taken result's
    /// JSON must not stay referenced here) and dropped once they are half of the array, so
    /// a queue that never runs empty during a long burst does not grow with it.
    private var items: [Item?] = []
    private var head = 0
    private var closed = false
    /// No more items will be put: takers drain what is left, then get nil.
    private var finishing = false
    private var waitingTakers = 0
    /// Items the gathering taker waits for; 0 while no taker gathers.
    private var gatherTarget = 0
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

    /// Whether a taker is gathering a batch now (a snapshot, for tests).
    var isGathering: Bool {
        lock.lock()
        defer { lock.unlock() }
        return gatherTarget > 0
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
        if gatherTarget > 0 {
            if items.count - head >= gatherTarget { lock.signal(Self.batchGathered) }
        } else if waitingTakers > 0 {
            lock.signal(Self.itemArrived)
        }
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
    ///
    /// With `minimum` above one, a taker that finds fewer items waits up to `seconds` for
    /// `minimum` of them (unless another taker is gathering already: then it waits its
    /// turn), so that items arriving one by one still leave in batches.
    func take(upTo limit: Int, gathering minimum: Int = 1, for seconds: Double = 0) -> [Item] {
        lock.lock()
        defer { lock.unlock() }
        guard waitForItems() else { return [] }
        if minimum > 1, items.count - head < minimum {
            gatherTarget = minimum
            let deadline = PairedCondition.deadline(secondsFromNow: seconds)
            while !closed, !finishing, items.count - head < minimum, lock.wait(Self.batchGathered, until: deadline) {}
            gatherTarget = 0
            guard !closed, head < items.count else { return [] }
        }
        let end = min(items.count, head + max(1, limit))
        var batch: [Item] = []
        batch.reserveCapacity(end - head)
        for index in head..<end { batch.append(items[index].take()!) }
        head = end
        tookItems()
        // Items left over (more than `limit`, or put while this taker gathered) go to the next taker.
        if head < items.count, waitingTakers > 0 { lock.signal(Self.itemArrived) }
        return batch
    }

    /// Waits (lock held) until an item is there; false when there will be none.
    private func waitForItems() -> Bool {
        // While another taker gathers, the items it waits for are its own.
        while !closed, !finishing, head == items.count || gatherTarget > 0 {
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
        lock.broadcast(Self.batchGathered)
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
        lock.broadcast(Self.batchGathered)
        return rest
    }
}
