/// Numbers the distinct lowercase words of one document 0, 1, 2, … in order of first
/// occurrence, so that `DocumentContext` and `FirstPassEvidence` keep their per-word counts in
/// arrays indexed by number instead of hash tables of their own (one probe per token here,
/// array reads after).
///
/// The slots outlive the document: a stamp per slot tells this document's entries from stale
/// ones, so starting a document clears nothing (zeroing a table per document cost more than
/// filling it).
struct DocumentWordNumbering {
    private struct Slot {
        var key: UInt64 = 0
        var stamp: UInt32 = 0
        var number: Int32 = 0
    }

    private var slots: [Slot] = []
    private var stamp: UInt32 = 0

    init() {}

    /// Numbers the lowercase forms of the tokens with letters (`TokenInfo.documentWord`; -1 for
    /// the others) and returns how many distinct ones there are: the previous document's are forgotten.
    mutating func number(_ infos: UnsafeMutableBufferPointer<TokenInfo>) -> Int {
        let hasLetter = TokenInfo.Flag.hasLetter.rawValue
        var size = 16
        while size < 2 * infos.count { size <<= 1 }
        if slots.count < size { slots = [Slot](repeating: Slot(), count: size) }
        stamp &+= 1
        if stamp == 0 {
            // After 2^32 documents a stale stamp could match again: clear once and go on.
            for i in slots.indices { slots[i].stamp = 0 }
            stamp = 1
        }
        let (mask, stamp) = (size - 1, self.stamp)
        var count: Int32 = 0
        slots.withUnsafeMutableBufferPointer { slots in
            // `mask` < `slots.count` and at most half the slots fill: every probe is in range and ends.
            for t in infos.indices {
                guard infos[t].flags & hasLetter != 0 else {
                    infos[t].documentWord = -1
                    continue
                }
                let key = infos[t].lower
                var i = Int(truncatingIfNeeded: key) & mask
                while true {
                    let slot = slots.baseAddress! + i
                    if slot.pointee.stamp != stamp {
                        slot.pointee = Slot(key: key, stamp: stamp, number: count)
                        infos[t].documentWord = count
                        count &+= 1
                        break
                    }
                    if slot.pointee.key == key {
                        infos[t].documentWord = slot.pointee.number
                        break
                    }
                    i = (i &+ 1) & mask
                }
            }
        }
        return Int(count)
    }
}
