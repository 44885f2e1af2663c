/// Strings (with a small integer tag) to integers, like `[String: Int]` but probed by a byte
/// hash: ASCII keys, nearly all of them, are hashed with FNV-1a over their bytes, not `Hasher`.
///
/// Equality stays `String`'s (canonical equivalence), so the hash of a key is that of its ASCII
/// form when it has one (the three scalars that decompose to ASCII: KELVIN SIGN, GREEK VARIA,
/// GREEK QUESTION MARK) and the standard library's otherwise; equal keys hash alike.
struct StringTable: Sendable {
    private var slotHash: [UInt64]
    private var slotTag: [Int]
    private var slotValue: [Int]
    private var slotKey: [String]
    /// Number of keys.
    private(set) var count = 0

    /// An empty table with room for `capacity` keys before it grows.
    init(capacity: Int = 8) {
        var slots = 16
        while slots < capacity * 2 { slots *= 2 }
        slotHash = [UInt64](repeating: 0, count: slots)
        slotTag = [Int](repeating: 0, count: slots)
        slotValue = [Int](repeating: 0, count: slots)
        slotKey = [String](repeating: "", count: slots)
    }

    /// The hash of `key` with `tag`; never 0 (the empty-slot mark).
    static func hash(_ key: String, tag: Int = 0) -> UInt64 {
        // Native and small strings lend their bytes in place; others are copied first.
        let base = key.utf8.withContiguousStorageIfAvailable(baseHash) ?? {
            var copy = key
            return copy.withUTF8(baseHash)
        }()
        let mixed = (base ^ UInt64(UInt(bitPattern: tag)) &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD
        return (mixed ^ (mixed >> 29)) | 1
    }

    /// The hash of a key's UTF-8 before the tag is mixed in.
    private static func baseHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
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
        let mask = slotHash.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slotHash[s] != 0 {
            if slotHash[s] == hash && slotTag[s] == tag && slotKey[s] == key { return slotValue[s] }
            s = (s + 1) & mask
        }
        return nil
    }

    /// Sets the value of `key` with `tag`, replacing any earlier one.
    mutating func set(_ key: String, tag: Int = 0, to value: Int) {
        let hash = Self.hash(key, tag: tag)
        let mask = slotHash.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slotHash[s] != 0 {
            if slotHash[s] == hash && slotTag[s] == tag && slotKey[s] == key {
                slotValue[s] = value
                return
            }
            s = (s + 1) & mask
        }
        if (count + 1) * 2 > slotHash.count {
            grow()
            set(key, tag: tag, to: value)
            return
        }
        slotHash[s] = hash
        slotTag[s] = tag
        slotValue[s] = value
        slotKey[s] = key
        count += 1
    }

    /// The value of `key` with `tag`, first setting it to `value` when the key is new.
    mutating func value(_ key: String, tag: Int = 0, orInsert value: Int) -> Int {
        let hash = Self.hash(key, tag: tag)
        // One probe: the key's slot, or the empty slot where it goes.
        let mask = slotHash.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slotHash[s] != 0 {
            if slotHash[s] == hash && slotTag[s] == tag && slotKey[s] == key { return slotValue[s] }
            s = (s + 1) & mask
        }
        if (count + 1) * 2 > slotHash.count {
            set(key, tag: tag, to: value)  // grows, then places the key
            return value
        }
        slotHash[s] = hash
        slotTag[s] = tag
        slotValue[s] = value
        slotKey[s] = key
        count += 1
        return value
    }

    private mutating func grow() {
        let old = (slotHash, slotTag, slotValue, slotKey)
        let slots = slotHash.count * 2
        slotHash = [UInt64](repeating: 0, count: slots)
        slotTag = [Int](repeating: 0, count: slots)
        slotValue = [Int](repeating: 0, count: slots)
        slotKey = [String](repeating: "", count: slots)
        let mask = slots - 1
        for k in old.0.indices where old.0[k] != 0 {
            var s = Int(truncatingIfNeeded: old.0[k]) & mask
            while slotHash[s] != 0 { s = (s + 1) & mask }
            slotHash[s] = old.0[k]
            slotTag[s] = old.1[k]
            slotValue[s] = old.2[k]
            slotKey[s] = old.3[k]
        }
    }
}
