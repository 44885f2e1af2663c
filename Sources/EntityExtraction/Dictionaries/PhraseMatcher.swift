import Foundation

/// Finds known phrases in token sequences: a trie over token texts, longest match first.
///
/// Matching is case-sensitive (a watch list names things as they are written); curly
/// apostrophes match straight ones. Each lookup hashes a token slice: no allocation.
struct PhraseMatcher: Sendable {
    private struct Edge: Hashable, Sendable {
        var node: Int32
        var token: Substring
    }

    private var edges: [Edge: Int32] = [:]
    /// Payload of the phrase ending at each node, or -1.
    private var payloads: [Int32] = [-1]
    private(set) var longestPhrase = 0
    /// First UTF-8 bytes of the phrases' first tokens: most text tokens are ruled out without hashing.
    private var startBytes = [Bool](repeating: false, count: 256)

    /// Adds `phrase` (tokenized like article text) with `payload`; an earlier payload of the same phrase wins.
    mutating func add(_ phrase: String, payload: Int, tokenizer: Tokenizer) {
        let tokens = tokenizer.tokenize(Self.normalized(phrase)).tokens
        guard let first = tokens.first?.text.utf8.first else { return }
        startBytes[Int(first)] = true
        if first == 0x27 { startBytes[0xE2] = true }  // ' also matches ’
        var node: Int32 = 0
        for token in tokens {
            let edge = Edge(node: node, token: token.text)
            if let next = edges[edge] {
                node = next
            } else {
                payloads.append(-1)
                let next = Int32(payloads.count - 1)
                edges[edge] = next
                node = next
            }
        }
        if payloads[Int(node)] < 0 { payloads[Int(node)] = Int32(payload) }
        longestPhrase = max(longestPhrase, tokens.count)
    }

    var isEmpty: Bool { payloads.count == 1 }

    /// The longest phrase starting at `start` within `range`: its end (exclusive) and payload.
    func longestMatch(in tokens: [Token], at start: Int, within range: Range<Int>) -> (end: Int, payload: Int)? {
        guard let first = tokens[start].text.utf8.first, startBytes[Int(first)] else { return nil }
        var node: Int32 = 0
        var best: (Int, Int)?
        var i = start
        while i < range.upperBound && i - start < longestPhrase {
            let text = tokens[i].text
            let key = text.containsCurlyApostrophe ? Substring(Self.normalized(String(text))) : text
            guard let next = edges[Edge(node: node, token: key)] else { break }
            node = next
            i += 1
            if payloads[Int(node)] >= 0 { best = (i, Int(payloads[Int(node)])) }
        }
        return best
    }

    /// Non-overlapping longest matches, left to right.
    func matches(in tokens: [Token], within range: Range<Int>) -> [(tokens: Range<Int>, payload: Int)] {
        guard !isEmpty else { return [] }
        var found: [(tokens: Range<Int>, payload: Int)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let (end, payload) = longestMatch(in: tokens, at: i, within: range) {
                found.append((i..<end, payload))
                i = end
            } else {
                i += 1
            }
        }
        return found
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
