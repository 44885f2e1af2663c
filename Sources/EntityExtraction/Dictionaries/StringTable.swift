/// Strings (with a small integer tag) to integers, like `[String: Int]` but probed by a byte
/// hash: ASCII keys, nearly all of them, are hashed with FNV-1a over their bytes, not `Hasher`.
///
/// Equality stays `String`'s (canonical equivalence), so the hash of a key is that of its ASCII
/// form when it has one (the three scalars that decompose to ASCII: KELVIN SIGN, GREEK VARIA,
/// GREEK QUESTION MARK) and the standard library's otherwise; equal keys hash alike.
struct StringTable: Sendable {
    /// One slot: `hash` 0 marks it empty. One array of slots is one allocation per table.
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var tag = 0
        var value = 0
        var key = ""
    }

    private var slots: [Slot]
    /// Number of keys.
    private(set) var count = 0

    /// An empty table with room for `capacity` keys before it grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Slot](repeating: Slot(), count: size)
    }

    /// The hash of `key` with `tag`; never 0 (the empty-slot mark).
    static func hash(_ key: String, tag: Int = 0) -> UInt64 {
        mix(baseHash(of: key), tag: tag)
    }

    /// The hash of `key` before a tag is mixed in.
    static func baseHash(of key: String) -> UInt64 {
        // Native and small strings lend their bytes in place; others are copied first.
        key.utf8.withContiguousStorageIfAvailable(baseHash) ?? {
            var copy = key
            return copy.withUTF8(baseHash)
        }()
    }

    /// `hash(String(decoding: bytes, as: UTF8.self), tag: tag)` of valid UTF-8, without the string.
    @inline(__always) static func hash(utf8 bytes: UnsafeBufferPointer<UInt8>, tag: Int = 0) -> UInt64 {
        mix(baseHash(bytes), tag: tag)
    }

    /// The hash of a key whose `baseHash` is `base`, with `tag`.
    @inline(__always) static func mix(_ base: UInt64, tag: Int) -> UInt64 {
        let mixed = (base ^ UInt64(UInt(bitPattern: tag)) &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD
        return (mixed ^ (mixed >> 29)) | 1
    }

    /// The hash of a key's UTF-8 before the tag is mixed in.
    static func baseHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var high: UInt8 = 0
        for b in bytes {
            h = (h ^ UInt64(b)) &* 0x100_0000_01B3
            high |= b
        }
        if high < 0x80 { return h }
        if let ascii = UTF8Bytes.asciiForm(bytes) { return ascii.withUnsafeBufferPointer(UTF8Bytes.fnv1a) }
        return UInt64(bitPattern: Int64(String(decoding: bytes, as: UTF8.self).hashValue))
    }

    /// The value of `key` with `tag`.
    func value(_ key: String, tag: Int = 0) -> Int? {
        value(key, tag: tag, hash: Self.hash(key, tag: tag))
    }

    /// The value of `key` with `tag`, whose `hash(_:tag:)` is `hash`.
    func value(_ key: String, tag: Int, hash: UInt64) -> Int? {
        let s = slot(of: key, tag: tag, hash: hash)
        return slots[s].hash == 0 ? nil : slots[s].value
    }

    /// Sets the value of `key` with `tag`, replacing any earlier one.
    mutating func set(_ key: String, tag: Int = 0, to value: Int) {
        let hash = Self.hash(key, tag: tag)
        let s = slot(of: key, tag: tag, hash: hash)
        if slots[s].hash != 0 {
            slots[s].value = value
        } else {
            insert(key, tag: tag, hash: hash, value: value, at: s)
        }
    }

    /// The value of `key` with `tag`, first setting it to `value` when the key is new.
    mutating func value(_ key: String, tag: Int = 0, orInsert value: Int) -> Int {
        let hash = Self.hash(key, tag: tag)
        let s = slot(of: key, tag: tag, hash: hash)
        if slots[s].hash != 0 { return slots[s].value }
        insert(key, tag: tag, hash: hash, value: value, at: s)
        return value
    }

    /// The slot holding `key` with `tag`, or the empty slot where it would go.
    private func slot(of key: String, tag: Int, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slots[s].hash != 0 {
            if slots[s].hash == hash && slots[s].tag == tag && slots[s].key == key { return s }
            s = (s + 1) & mask
        }
        return s
    }

    /// Puts a new key into empty slot `s` (found by `slot(of:)`), growing the table first when it is half full.
    private mutating func insert(_ key: String, tag: Int, hash: UInt64, value: Int, at s: Int) {
        var s = s
        if (count + 1) * 2 > slots.count {
            grow()
            s = slot(of: key, tag: tag, hash: hash)
        }
        slots[s] = Slot(hash: hash, tag: tag, value: value, key: key)
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.hash != 0 {
            var s = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[s].hash != 0 { s = (s + 1) & mask }
            slots[s] = slot
        }
    }
}
