import Foundation

/// A bounded blocking FIFO between the claiming thread and the workers. `put` blocks while
/// full, which is what stops claiming when the workers fall behind: unclaimed files stay
/// in the inbox, where other instances can take them.
final class WorkQueue<Item: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is guarded by `condition`.
    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private var closed = false
    /// No more items will be put: takers drain what is left, then get nil.
    private var finishing = false
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Items waiting.
    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return items.count - head
    }

    /// Adds an item, waiting for room; false (item not taken) once the queue is closed.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !closed, items.count - head >= capacity { condition.wait() }
        guard !closed else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, waiting for one; nil once the queue is closed, or finished and empty.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while !closed, !finishing, head == items.count { condition.wait() }
        guard !closed, head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        condition.broadcast()
        return item
    }

    /// Lets takers drain the remaining items and then end.
    func finish() {
        condition.lock()
        finishing = true
        condition.broadcast()
        condition.unlock()
    }

    /// Closes the queue and hands back the items nobody took.
    func close() -> [Item] {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        let rest = Array(items[head...])
        items.removeAll()
        head = 0
        condition.broadcast()
        return rest
    }
}
