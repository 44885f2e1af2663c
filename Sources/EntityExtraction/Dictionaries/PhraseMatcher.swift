import Foundation

/// Finds known phrases in token sequences: a trie over token texts, longest match first.
///
/// Matching is case-sensitive (a watch list names things as they are written); curly
/// apostrophes match straight ones. An ASCII text token (nearly all of them) is looked up
/// by a hash of its UTF-8 bytes in an open-addressing table and verified byte by byte; other
/// tokens go through a `String`-keyed dictionary, because there equality is Unicode
/// canonical equivalence, as everywhere in Swift.
struct PhraseMatcher: Sendable {
    private struct Edge: Hashable, Sendable {
        var node: Int32
        var token: Substring
    }

    /// Every edge by token string: the trie's structure, and the lookup for non-ASCII text tokens.
    private var edges: [Edge: Int32] = [:]
    /// The same edges by hash of (parent, token bytes); `slotHash` 0 marks an empty slot.
    private var slotHash = [UInt64](repeating: 0, count: 16)
    private var slotParent = [Int32](repeating: 0, count: 16)
    private var slotChild = [Int32](repeating: 0, count: 16)
    private var slotCount = 0
    /// The (apostrophe-normalized) token bytes leading into each node, to verify a hash match.
    private var tokenBytes: [UInt8] = []
    private var tokenStarts: [Int32] = [0, 0]
    /// Payload of the phrase ending at each node, or -1.
    private var payloads: [Int32] = [-1]
    private(set) var longestPhrase = 0
    /// First UTF-8 bytes of the phrases' first tokens: most text tokens are ruled out without hashing.
    private var startBytes = [Bool](repeating: false, count: 256)
    /// A phrase token holds a scalar canonically equal to ASCII (KELVIN SIGN and two more): then
    /// an ASCII text token may equal a non-ASCII phrase token, and the byte table alone would miss it.
    private var hasASCIIEquivalentScalar = false

    /// Adds `phrase` (tokenized like article text) with `payload`; an earlier payload of the same phrase wins.
    mutating func add(_ phrase: String, payload: Int) {
        let normalized = Self.normalized(phrase)
        let ranges = Self.tokenByteRanges(normalized)
        guard let firstRange = ranges.first else { return }
        let utf8 = normalized.utf8
        let first = utf8[utf8.index(utf8.startIndex, offsetBy: firstRange.lowerBound)]
        startBytes[Int(first)] = true
        if first == 0x27 { startBytes[0xE2] = true }  // ' also matches ’
        var node: Int32 = 0
        for range in ranges {
            let token = normalized[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
            let edge = Edge(node: node, token: token)
            if let next = edges[edge] {
                node = next
                continue
            }
            payloads.append(-1)
            let next = Int32(payloads.count - 1)
            edges[edge] = next
            tokenBytes += token.utf8
            tokenStarts.append(Int32(tokenBytes.count))
            if token.unicodeScalars.contains(where: { $0 == "\u{212A}" || $0 == "\u{1FEF}" || $0 == "\u{037E}" }) {
                hasASCIIEquivalentScalar = true
            }
            insertSlot(parent: node, child: next, hash: Array(token.utf8).withUnsafeBufferPointer { Self.hash($0).hash })
            node = next
        }
        if payloads[Int(node)] < 0 { payloads[Int(node)] = Int32(payload) }
        longestPhrase = max(longestPhrase, ranges.count)
    }

    var isEmpty: Bool { payloads.count == 1 }

    /// Non-overlapping longest matches within `range` of the text's tokens, left to right.
    func matches(in text: TokenizedText, within range: Range<Int>) -> [(tokens: Range<Int>, payload: Int)] {
        guard !isEmpty else { return [] }
        return text.utf8.withUnsafeBufferPointer { bytes in
            var found: [(tokens: Range<Int>, payload: Int)] = []
            var i = range.lowerBound
            while i < range.upperBound {
                if let (end, payload) = longestMatch(in: text, bytes, at: i, within: range) {
                    found.append((i..<end, payload))
                    i = end
                } else {
                    i += 1
                }
            }
            return found
        }
    }

    /// The longest phrase starting at `start` within `range`: its end (exclusive) and payload.
    private func longestMatch(in text: TokenizedText, _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, within range: Range<Int>)
        -> (end: Int, payload: Int)?
    {
        let byteRanges = text.byteRanges
        guard startBytes[Int(bytes[byteRanges[start].lowerBound])] else { return nil }
        var node: Int32 = 0
        var best: (Int, Int)?
        var i = start
        while i < range.upperBound && i - start < longestPhrase {
            let token = UnsafeBufferPointer(rebasing: bytes[byteRanges[i]])
            guard let next = child(of: node, token, text: text.tokens[i].text) else { break }
            node = next
            i += 1
            if payloads[Int(node)] >= 0 { best = (i, Int(payloads[Int(node)])) }
        }
        return best
    }

    /// The node under `parent` for a text token.
    @inline(__always) private func child(of parent: Int32, _ token: UnsafeBufferPointer<UInt8>, text: Substring) -> Int32? {
        let (hash, isASCII) = Self.hash(token)
        if isASCII {
            if let child = slotLookup(parent: parent, token, hash: hash) { return child }
            guard hasASCIIEquivalentScalar else { return nil }
        }
        let key = text.containsCurlyApostrophe ? Substring(Self.normalized(String(text))) : text
        return edges[Edge(node: parent, token: key)]
    }

    // MARK: Byte table

    private func slotLookup(parent: Int32, _ token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let key = Self.slotKey(parent: parent, hash: hash)
        let mask = slotHash.count - 1
        var s = Int(truncatingIfNeeded: key) & mask
        while slotHash[s] != 0 {
            if slotHash[s] == key && slotParent[s] == parent && tokenEquals(node: slotChild[s], token) { return slotChild[s] }
            s = (s + 1) & mask
        }
        return nil
    }

    private func tokenEquals(node: Int32, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(tokenStarts[Int(node)])
        let end = Int(tokenStarts[Int(node) + 1])
        guard end - start == token.count else { return false }
        return tokenBytes.withUnsafeBufferPointer { stored in
            token.isEmpty || memcmp(stored.baseAddress! + start, token.baseAddress!, token.count) == 0
        }
    }

    private mutating func insertSlot(parent: Int32, child: Int32, hash: UInt64) {
        if (slotCount + 1) * 2 > slotHash.count { growSlots() }
        let key = Self.slotKey(parent: parent, hash: hash)
        let mask = slotHash.count - 1
        var s = Int(truncatingIfNeeded: key) & mask
        while slotHash[s] != 0 { s = (s + 1) & mask }
        slotHash[s] = key
        slotParent[s] = parent
        slotChild[s] = child
        slotCount += 1
    }

    private mutating func growSlots() {
        let old = (slotHash, slotParent, slotChild)
        let capacity = slotHash.count * 2
        slotHash = [UInt64](repeating: 0, count: capacity)
        slotParent = [Int32](repeating: 0, count: capacity)
        slotChild = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for k in old.0.indices where old.0[k] != 0 {
            var s = Int(truncatingIfNeeded: old.0[k]) & mask
            while slotHash[s] != 0 { s = (s + 1) & mask }
            slotHash[s] = old.0[k]
            slotParent[s] = old.1[k]
            slotChild[s] = old.2[k]
        }
    }

    /// FNV-1a of the bytes, and whether all of them are ASCII.
    @inline(__always) private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, isASCII: Bool) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var high: UInt8 = 0
        for b in bytes {
            h = (h ^ UInt64(b)) &* 0x100_0000_01B3
            high |= b
        }
        return (h, high < 0x80)
    }

    /// Never 0 (the empty-slot mark); mixes the parent in so that siblings of different parents spread.
    @inline(__always) private static func slotKey(parent: Int32, hash: UInt64) -> UInt64 {
        let mixed = (hash ^ (UInt64(UInt32(bitPattern: parent)) &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
        return (mixed ^ (mixed >> 32)) | 1
    }

    // MARK: Phrases

    /// The byte ranges of the tokens of `phrase`, cut exactly as the tokenizer cuts article text.
    private static func tokenByteRanges(_ phrase: String) -> [Range<Int>] {
        var phrase = phrase
        return phrase.withUTF8 { bytes in
            var scanner = TokenScanner(bytes: bytes)
            scanner.run()
            return scanner.tokens.map { $0.byteStart..<$0.byteEnd }
        }
    }

    private static func normalized(_ text: String) -> String {
        text[...].containsCurlyApostrophe ? text.replacingOccurrences(of: "’", with: "'") : text
    }
}

extension Substring {
    /// Whether the text holds ’ (U+2019), checked on UTF-8 bytes: no Foundation search.
    var containsCurlyApostrophe: Bool {
        var state = 0
        for b in utf8 {
            switch (state, b) {
            case (_, 0xE2): state = 1
            case (1, 0x80): state = 2
            case (2, 0x99): return true
            default: state = 0
            }
        }
        return false
    }
}
