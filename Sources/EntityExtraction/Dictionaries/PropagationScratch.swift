import Foundation

/// The matchers and tables propagation fills for one article, kept between articles so that
/// each article does not allocate and clear them anew.
struct PropagationScratch {
    var matcher = PhraseMatcher()
    var shoutedMatcher = PhraseMatcher()
    /// The names added so far (byte ranges in the text), and their index by a hash of their bytes.
    var seen = NameIndex(capacity: 0)
    var seenNames: [Range<Int>] = []
    var upper: [UInt8] = []
    /// The matches of the article's sentences.
    var matches: [PhraseMatch] = []
}

/// Idle `PropagationScratch`es, one per thread extracting at the same time.
final class PropagationScratchPool: @unchecked Sendable {
    // @unchecked: `idle` is only read or written under `lock`.
    private let lock = NSLock()
    private var idle: [PropagationScratch] = []
    /// At most this many are kept: about one per thread extracting at the same time.
    private static let capacity = 8
    /// Scratch whose matcher tables grew past this many slots (an unusually long article) is
    /// dropped instead of pinning the memory.
    private static let largestKeptTable = 1 << 13

    /// An idle scratch, or a new one.
    func take() -> PropagationScratch {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast() ?? PropagationScratch()
    }

    /// Keeps `scratch` for a later article, if there is room and it is not oversized.
    func put(_ scratch: consuming PropagationScratch) {
        guard scratch.matcher.tableCapacity <= Self.largestKeptTable, scratch.shoutedMatcher.tableCapacity <= Self.largestKeptTable,
            scratch.seen.tableSize <= Self.largestKeptTable
        else { return }
        lock.lock()
        defer { lock.unlock() }
        if idle.count < Self.capacity { idle.append(scratch) }
    }
}
