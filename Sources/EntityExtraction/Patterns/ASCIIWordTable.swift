import Foundation

/// ASCII words with a value each, looked up by a token's bytes folded to lower case: no
/// `String` is built and no `Hasher` runs, which matters for a lookup made for every token.
struct ASCIIWordTable: Sendable {
    private var slotHash: [UInt64]
    private var slotValue: [UInt32]
    private var slotWord: [Range<Int>]
    private var words: [UInt8] = []

    /// A table of `entries`; every word must be ASCII and appear once, and in lower case unless
    /// `exact` (then looked up with `value(exact:)`).
    init(_ entries: [(word: String, value: UInt32)], exact: Bool = false) {
        var capacity = 16
        while capacity < entries.count * 3 { capacity *= 2 }
        slotHash = [UInt64](repeating: 0, count: capacity)
        slotValue = [UInt32](repeating: 0, count: capacity)
        slotWord = [Range<Int>](repeating: 0..<0, count: capacity)
        for (word, value) in entries {
            precondition(word.utf8.allSatisfy { $0 < 0x80 && (exact || !($0 &- 0x41 < 26)) }, "not lower-case ASCII: \(word)")
            let hash = Self.hash(Array(word.utf8), folding: false)
            var s = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slotHash[s] != 0 { s = (s + 1) & (capacity - 1) }
            slotHash[s] = hash
            slotValue[s] = value
            slotWord[s] = words.count..<(words.count + word.utf8.count)
            words += word.utf8
        }
    }

    /// The value of the word `bytes` spell with ASCII capitals folded to lower case; `bytes` must be ASCII.
    func value(folding bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let hash = Self.hash(bytes, folding: true)
        let mask = slotHash.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slotHash[s] != 0 {
            if slotHash[s] == hash && matches(slotWord[s], bytes) { return slotValue[s] }
            s = (s + 1) & mask
        }
        return nil
    }

    /// The value of the word `bytes` spell exactly (case-sensitive), in a table made with `exact`.
    func value(exact bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let hash = Self.hash(bytes, folding: false)
        let mask = slotHash.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slotHash[s] != 0 {
            if slotHash[s] == hash && slotWord[s].count == bytes.count
                && words.withUnsafeBufferPointer({ memcmp($0.baseAddress! + slotWord[s].lowerBound, bytes.baseAddress!, bytes.count) == 0 })
            {
                return slotValue[s]
            }
            s = (s + 1) & mask
        }
        return nil
    }

    private func matches(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count == bytes.count else { return false }
        for k in 0..<bytes.count where Self.folded(bytes[k]) != words[word.lowerBound + k] { return false }
        return true
    }

    @inline(__always) private static func folded(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// FNV-1a, never 0 (the empty-slot mark).
    @inline(__always) private static func hash<C: Collection<UInt8>>(_ bytes: C, folding: Bool) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(folding ? folded(b) : b)) &* 0x100_0000_01B3 }
        return h | 1
    }
}
