/// An immutable open-addressing map from 64-bit keys (never 0) to 32-bit values.
///
/// Built once at load time from parallel arrays; lookups allocate nothing.
struct HashIndex: Sendable {
    private let slots: [UInt64]
    private let values: [UInt32]
    private let mask: Int

    /// Builds the index; later duplicates of a key overwrite earlier ones.
    init(keys: [UInt64], values: [UInt32]) {
        precondition(keys.count == values.count)
        var capacity = 16
        while capacity * 3 < keys.count * 4 { capacity <<= 1 }  // load factor ≤ 0.75
        var slots = [UInt64](repeating: 0, count: capacity)
        var stored = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (key, value) in zip(keys, values) {
            var i = Int(truncatingIfNeeded: key) & mask
            while slots[i] != 0 && slots[i] != key { i = (i + 1) & mask }
            slots[i] = key
            stored[i] = value
        }
        self.slots = slots
        self.values = stored
        self.mask = mask
    }

    /// Number of keys stored.
    var count: Int { slots.reduce(0) { $0 + ($1 != 0 ? 1 : 0) } }

    /// Every key with its value, ascending by key: how the model file stores them, so the
    /// index is all a loaded model keeps (no second copy of its keys for writing it back).
    func sortedEntries() -> (keys: [UInt64], values: [UInt32]) {
        let order = slots.indices.filter { slots[$0] != 0 }.sorted { slots[$0] < slots[$1] }
        return (order.map { slots[$0] }, order.map { values[$0] })
    }

    /// The value stored for `key`, or nil.
    @inline(__always)
    func value(for key: UInt64) -> UInt32? {
        slots.withUnsafeBufferPointer { s in
            var i = Int(truncatingIfNeeded: key) & mask
            while true {
                let k = s[i]
                if k == key { return values[i] }
                if k == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }
}
