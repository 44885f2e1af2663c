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
