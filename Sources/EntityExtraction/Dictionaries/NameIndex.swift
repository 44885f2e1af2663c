import Foundation

/// Indices of keys kept elsewhere (the names of an article's groups, the parts of its person
/// names), found by hash: a fixed-size open-addressing table of words, each the upper half of a
/// key's hash and its index. One allocation of plain integers per table; the keys are neither
/// copied into it nor released with it, and the caller decides key equality.
struct NameIndex {
    /// `hash & 0xFFFF_FFFF_0000_0000 | (index + 1)`; 0 marks an empty slot.
    private var slots: [UInt64]
    /// Number of keys.
    private(set) var count = 0
    /// Keys the table takes: it never grows (its slots hold too little of a hash to move them).
    private(set) var capacity: Int

    /// A table for at most `capacity` keys.
    init(capacity: Int) {
        self.capacity = capacity
        guard capacity > 0 else {
            slots = []
            return
        }
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
    }

    /// Empties the table for at most `capacity` keys, keeping its storage when it has the size needed.
    mutating func reset(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        if capacity > 0 && slots.count == size {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            count = 0
            self.capacity = capacity
        } else {
            self = NameIndex(capacity: capacity)
        }
    }

    /// How many slots the table holds: what a kept table pins in memory.
    var tableSize: Int { slots.count }

    /// The index of the key with hash `hash` for which `isKey(index)` holds, or `nil`.
    @inline(__always) func index(hash: UInt64, where isKey: (Int) -> Bool) -> Int? {
        guard !slots.isEmpty else { return nil }
        let s = slot(hash: hash, where: isKey)
        return slots[s] == 0 ? nil : Int(slots[s] & 0xFFFF_FFFF) - 1
    }

    /// The index of the key with hash `hash` for which `isKey(index)` holds; when there is none,
    /// `new` (the index the caller gives the new key) is recorded and returned.
    @inline(__always) mutating func index(hash: UInt64, orInsert new: Int, where isKey: (Int) -> Bool) -> Int {
        precondition(!slots.isEmpty, "NameIndex is full")
        let s = slot(hash: hash, where: isKey)
        if slots[s] != 0 { return Int(slots[s] & 0xFFFF_FFFF) - 1 }
        precondition(count < capacity && new >= 0 && new < 0xFFFF_FFFF, "NameIndex is full")
        slots[s] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(new + 1)
        count += 1
        return new
    }

    /// The slot of the key with hash `hash` for which `isKey(index)` holds, or the empty slot where it would go.
    @inline(__always) private func slot(hash: UInt64, where isKey: (Int) -> Bool) -> Int {
        let mask = slots.count - 1
        let check = hash & 0xFFFF_FFFF_0000_0000
        var s = Int(truncatingIfNeeded: hash) & mask
        while slots[s] != 0 {
            if slots[s] & 0xFFFF_FFFF_0000_0000 == check, isKey(Int(slots[s] & 0xFFFF_FFFF) - 1) { return s }
            s = (s + 1) & mask
        }
        return s
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Byte-for-byte equality: `elementsEqual` without its generic loop.
    @inline(__always) func sameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        count == other.count && (count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }
}
