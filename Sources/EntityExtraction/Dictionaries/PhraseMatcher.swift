import Foundation

/// Finds known phrases in token sequences: a trie over token texts, longest match first.
///
/// Matching is case-sensitive (a watch list names things as they are written); curly
/// apostrophes match straight ones. Token equality is Swift's (Unicode canonical
/// equivalence): a token whose canonical form is ASCII (nearly all of them) is looked up by a
/// hash of those bytes in an open-addressing table and verified byte by byte; any other token
/// through a `String`-keyed dictionary.
struct PhraseMatcher: Sendable {
    private struct Edge: Hashable, Sendable {
        var node: Int32
        var token: String
    }

    /// Edges whose token has no ASCII canonical form, by token string.
    private var edges: [Edge: Int32] = [:]
    /// An edge of the byte table: `key` (a hash of parent and token bytes) 0 marks an empty slot.
    private struct Slot: Sendable {
        var key: UInt64
        var parent: Int32
        var child: Int32

        static let empty = Slot(key: 0, parent: 0, child: 0)
    }

    /// Edges whose token is ASCII (in canonical form), by hash of (parent, bytes): one array, so
    /// that a probe reads one slot (key, parent and child side by side).
    private var slots = [Slot](repeating: .empty, count: 8)
    private var slotCount = 0
    /// The slots in use, so that `reset` clears only those.
    private var filledSlots: [Int32] = []
    /// The ASCII token bytes leading into each node (empty for dictionary edges), to verify a hash match.
    private var tokenBytes: [UInt8] = []
    private var tokenStarts: [Int32] = [0, 0]
    /// Payload of the phrase ending at each node, or -1.
    private var payloads: [Int32] = [-1]
    private(set) var longestPhrase = 0
    /// First UTF-8 bytes of the phrases' first tokens: most text tokens are ruled out without hashing.
    private var startBytes = [Bool](repeating: false, count: 256)
    /// The scanner's token array, kept between `add` calls.
    private var scanTokens: [RawToken] = []

    /// An empty matcher.
    init() {}

    /// An empty matcher with room for about `edges` token edges before its table grows.
    init(expectedEdges edges: Int) {
        var capacity = 8
        while capacity < edges * 2 { capacity *= 2 }
        slots = [Slot](repeating: .empty, count: capacity)
        payloads.reserveCapacity(edges + 1)
        tokenStarts.reserveCapacity(edges + 2)
        tokenBytes.reserveCapacity(edges * 8)
    }

    /// Empties the matcher for reuse, keeping its storage: it then matches as a new
    /// `PhraseMatcher(expectedEdges: edges)` would (a larger table only spreads the same keys).
    mutating func reset(expectedEdges expected: Int) {
        var capacity = 8
        while capacity < expected * 2 { capacity *= 2 }
        if capacity > slots.count {
            slots = [Slot](repeating: .empty, count: capacity)
        } else {
            for k in filledSlots { slots[Int(k)].key = 0 }
        }
        filledSlots.removeAll(keepingCapacity: true)
        slotCount = 0
        if !edges.isEmpty { edges.removeAll() }
        tokenBytes.removeAll(keepingCapacity: true)
        tokenStarts.removeAll(keepingCapacity: true)
        tokenStarts.append(contentsOf: [0, 0])
        payloads.removeAll(keepingCapacity: true)
        payloads.append(-1)
        longestPhrase = 0
        startBytes.withUnsafeMutableBufferPointer { $0.update(repeating: false) }
    }

    /// How many slots the byte table holds: what a kept matcher pins in memory.
    var tableCapacity: Int { slots.count }

    /// Adds `phrase` (tokenized like article text) with `payload`; an earlier payload of the same phrase wins.
    mutating func add(_ phrase: String, payload: Int) {
        var normalized = Self.normalized(phrase)
        normalized.withUTF8 { add(normalizedBytes: $0, payload: payload) }
    }

    /// Adds the phrase spelled by `bytes` (valid UTF-8), as `add(_:payload:)` adds its `String`.
    mutating func add(bytes: UnsafeBufferPointer<UInt8>, payload: Int) {
        if UTF8Bytes.containsCurlyApostrophe(bytes) {
            add(String(decoding: bytes, as: UTF8.self), payload: payload)
        } else {
            add(normalizedBytes: bytes, payload: payload)
        }
    }

    /// Adds the phrase in capitals, as `add(_:payload:)` adds `String(decoding: bytes).uppercased()`;
    /// ASCII text is upper-cased byte by byte into `scratch`.
    mutating func addUppercased(_ bytes: UnsafeBufferPointer<UInt8>, payload: Int, scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        if UTF8Bytes.appendASCIIUppercased(bytes, to: &scratch) {
            scratch.withUnsafeBufferPointer { add(normalizedBytes: $0, payload: payload) }
        } else {
            add(String(decoding: bytes, as: UTF8.self).uppercased(), payload: payload)
        }
    }

    /// Adds a phrase whose curly apostrophes are already straight.
    private mutating func add(normalizedBytes bytes: UnsafeBufferPointer<UInt8>, payload: Int) {
        var storage: [RawToken] = []
        swap(&storage, &scanTokens)
        var scanner = TokenScanner(bytes: bytes, reusing: consume storage)
        scanner.run()
        defer { scanTokens = scanner.tokens }
        scanner.tokens.withUnsafeBufferPointer { tokens in
            addPhrase(tokenCount: tokens.count, payload: payload) { UnsafeBufferPointer(rebasing: bytes[tokens[$0].byteStart..<tokens[$0].byteEnd]) }
        }
    }

    /// Adds the phrase of `tokens` (byte ranges in `bytes`), as `add(bytes:payload:)` adds the
    /// text from the first token's start to the last one's end, when scanning that text alone
    /// gives exactly these tokens and it holds no curly apostrophe: the caller's guarantee
    /// (`TokenizedText.isPlainWordRun`).
    mutating func add(tokens: UnsafeBufferPointer<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>, payload: Int) {
        addPhrase(tokenCount: tokens.count, payload: payload) { UnsafeBufferPointer(rebasing: bytes[tokens[$0]]) }
    }

    /// `add(tokens:in:payload:)` of the same text in capitals, as `addUppercased` adds it; the
    /// text from the first token's start to the last one's end must be ASCII.
    mutating func addUppercased(tokens: UnsafeBufferPointer<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>, payload: Int, scratch: inout [UInt8]) {
        guard let start = tokens.first?.lowerBound, let end = tokens.last?.upperBound else { return }
        scratch.removeAll(keepingCapacity: true)
        for b in bytes[start..<end] { scratch.append(b &- 0x61 < 26 ? b &- 0x20 : b) }
        scratch.withUnsafeBufferPointer { upper in
            addPhrase(tokenCount: tokens.count, payload: payload) { UnsafeBufferPointer(rebasing: upper[(tokens[$0].lowerBound - start)..<(tokens[$0].upperBound - start)]) }
        }
    }

    /// Adds the phrase of `tokenCount` tokens, token `k` spelled by `token(k)` (curly apostrophes already straight).
    @inline(__always) private mutating func addPhrase(tokenCount: Int, payload: Int, token: (Int) -> UnsafeBufferPointer<UInt8>) {
        guard tokenCount > 0 else { return }
        let first = token(0)
        startBytes[Int(first[0])] = true
        if first[0] == 0x27 { startBytes[0xE2] = true }  // ' also matches ’
        var node: Int32 = 0
        for k in 0..<tokenCount { node = childAdding(to: node, token(k)) }
        longestPhrase = max(longestPhrase, tokenCount)
        if payloads[Int(node)] < 0 { payloads[Int(node)] = Int32(payload) }
    }

    /// The child of `parent` for a phrase token, made if new.
    private mutating func childAdding(to parent: Int32, _ token: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (hash, isASCII) = Self.hash(token)
        if isASCII { return asciiChildAdding(to: parent, token, hash: hash) }
        if let ascii = UTF8Bytes.asciiForm(token) {
            return ascii.withUnsafeBufferPointer { asciiChildAdding(to: parent, $0, hash: Self.hash($0).hash) }
        }
        let edge = Edge(node: parent, token: String(decoding: token, as: UTF8.self))
        if let child = edges[edge] { return child }
        let child = newNode(tokenBytes: UnsafeBufferPointer(start: nil, count: 0))
        edges[edge] = child
        return child
    }

    private mutating func asciiChildAdding(to parent: Int32, _ ascii: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        if let child = slotLookup(parent: parent, ascii, hash: hash) { return child }
        let child = newNode(tokenBytes: ascii)
        insertSlot(parent: parent, child: child, hash: hash)
        return child
    }

    private mutating func newNode(tokenBytes bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        payloads.append(-1)
        tokenBytes.append(contentsOf: bytes)
        tokenStarts.append(Int32(tokenBytes.count))
        return Int32(payloads.count - 1)
    }

    var isEmpty: Bool { payloads.count == 1 }

    /// Non-overlapping longest matches within `range` of the text's tokens, left to right.
    func matches(in text: TokenizedText, within range: Range<Int>) -> [(tokens: Range<Int>, payload: Int)] {
        var found: [(tokens: Range<Int>, payload: Int)] = []
        forEachMatch(in: text, within: range) { found.append(($0, $1)) }
        return found
    }

    /// Appends `matches(in:within:)`, as matches in sentence `sentence`, to `matches`.
    func appendMatches(in text: TokenizedText, within range: Range<Int>, sentence: Int, to matches: inout [PhraseMatch]) {
        forEachMatch(in: text, within: range) { matches.append(PhraseMatch(tokens: $0, payload: $1, sentence: sentence)) }
    }

    /// Calls `body` with each of `matches(in:within:)` (its tokens and payload) in turn: no array.
    func forEachMatch(in text: TokenizedText, within range: Range<Int>, _ body: (Range<Int>, Int) -> Void) {
        guard !isEmpty else { return }
        text.utf8.withUnsafeBufferPointer { bytes in
            text.byteRanges.withUnsafeBufferPointer { byteRanges in
                startBytes.withUnsafeBufferPointer { startBytes in
                    var i = range.lowerBound
                    while i < range.upperBound {
                        // Most tokens cannot start a phrase: one table read rules them out.
                        if startBytes[Int(bytes[byteRanges[i].lowerBound])], let (end, payload) = longestMatch(bytes, byteRanges, at: i, within: range) {
                            body(i..<end, payload)
                            i = end
                        } else {
                            i += 1
                        }
                    }
                }
            }
        }
    }

    /// The longest phrase starting at `start` within `range`: its end (exclusive) and payload.
    private func longestMatch(
        _ bytes: UnsafeBufferPointer<UInt8>, _ byteRanges: UnsafeBufferPointer<Range<Int>>, at start: Int, within range: Range<Int>
    ) -> (end: Int, payload: Int)? {
        var node: Int32 = 0
        var best: (Int, Int)?
        var i = start
        while i < range.upperBound && i - start < longestPhrase {
            guard let next = child(of: node, UnsafeBufferPointer(rebasing: bytes[byteRanges[i]])) else { break }
            node = next
            i += 1
            if payloads[Int(node)] >= 0 { best = (i, Int(payloads[Int(node)])) }
        }
        return best
    }

    /// The node under `parent` for a text token.
    @inline(__always) private func child(of parent: Int32, _ token: UnsafeBufferPointer<UInt8>) -> Int32? {
        let (hash, isASCII) = Self.hash(token)
        if isASCII { return slotLookup(parent: parent, token, hash: hash) }
        var text = Self.normalized(String(decoding: token, as: UTF8.self))  // ’ matches '
        if let ascii = text.withUTF8(UTF8Bytes.asciiForm) {
            return ascii.withUnsafeBufferPointer { slotLookup(parent: parent, $0, hash: Self.hash($0).hash) }
        }
        return edges[Edge(node: parent, token: text)]
    }

    // MARK: Byte table

    private func slotLookup(parent: Int32, _ token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let key = Self.slotKey(parent: parent, hash: hash)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: key) & mask
        while slots[s].key != 0 {
            if slots[s].key == key && slots[s].parent == parent && tokenEquals(node: slots[s].child, token) { return slots[s].child }
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
        if (slotCount + 1) * 2 > slots.count { growSlots() }
        let key = Self.slotKey(parent: parent, hash: hash)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: key) & mask
        while slots[s].key != 0 { s = (s + 1) & mask }
        slots[s] = Slot(key: key, parent: parent, child: child)
        slotCount += 1
        filledSlots.append(Int32(s))
    }

    private mutating func growSlots() {
        let old = slots
        slots = [Slot](repeating: .empty, count: old.count * 2)
        let mask = slots.count - 1
        filledSlots.removeAll(keepingCapacity: true)
        for slot in old where slot.key != 0 {
            var s = Int(truncatingIfNeeded: slot.key) & mask
            while slots[s].key != 0 { s = (s + 1) & mask }
            filledSlots.append(Int32(s))
            slots[s] = slot
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

    private static func normalized(_ text: String) -> String {
        text[...].containsCurlyApostrophe ? text.replacingOccurrences(of: "’", with: "'") : text
    }
}

/// A phrase found in a sentence: its tokens and payload.
struct PhraseMatch {
    var tokens: Range<Int>
    var payload: Int
    var sentence: Int
}

extension Substring {
    /// Whether the text holds ’ (U+2019), checked on UTF-8 bytes: no Foundation search.
    var containsCurlyApostrophe: Bool {
        var text = self
        return text.withUTF8(UTF8Bytes.containsCurlyApostrophe)
    }
}
