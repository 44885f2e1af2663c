/// What the pattern rules need to know of one token, found once from its bytes: its word
/// classes, whether it is ASCII, a number word ("twenty-five") or a starter word ("more").
struct TokenTraits {
    /// `PatternLexicon.classes(of:)` of the token.
    let classes: WordClass
    let isASCII: Bool
    /// "one" … "ninety", "hundred", or number words joined by hyphens ("twenty-five").
    let isNumberWord: Bool
    /// One of `starters`: words that start a pattern without being in a word class themselves.
    let isStarter: Bool

    init(_ bytes: UnsafeBufferPointer<UInt8>, kind: TokenKind) {
        var high: UInt8 = 0
        var hyphen = false
        for b in bytes {
            high |= b
            hyphen = hyphen || b == UInt8(ascii: "-")
        }
        let text = PatternText(bytes: bytes, isASCII: high < 0x80)
        classes = PatternLexicon.classes(of: bytes)
        isASCII = text.isASCII
        isNumberWord = classes.contains(.numberWord) || (hyphen && bytes.count <= 14 && Self.isHyphenatedNumberWord(text))
        isStarter = Self.isStarter(text)
    }

    /// Number words joined by hyphens, every part one ("twenty-five", "Forty-Two").
    private static func isHyphenatedNumberWord(_ t: PatternText) -> Bool {
        if t.isASCII {
            // Parts between hyphens, without an array of them; lower-casing is left to the
            // lexicon lookup, which folds ASCII capitals itself.
            let bytes = t.bytes
            var start = 0
            var parts = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "-") {
                let part = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard !part.isEmpty, PatternLexicon.classes(of: part).contains(.numberWord) else { return false }
                parts += 1
                start = end + 1
            }
            return parts >= 2
        }
        let parts = t.string.lowercased().split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && PatternLexicon.classes(of: $0).contains(.numberWord) }
    }

    /// Words that start a pattern without being in a word class themselves ("more than two days").
    private static let starters: [StaticString] = ["US", "more", "More", "less", "Less", "at", "At", "half", "Half", "a", "A", "an", "An"]
    /// The starters' bytes packed into integers, for ASCII tokens of up to four bytes.
    private static let packedStarters: [UInt32] = starters.map { s in
        (0..<s.utf8CodeUnitCount).reduce(UInt32(0)) { $0 << 8 | UInt32(s.utf8Start[$1]) }
    }

    /// One of `starters`; ASCII tokens compared as packed integers.
    private static func isStarter(_ t: PatternText) -> Bool {
        guard t.bytes.count <= 4 else { return false }
        guard t.isASCII else { return t.isOne(of: starters) }
        var packed: UInt32 = 0
        for b in t.bytes { packed = packed << 8 | UInt32(b) }
        return packedStarters.contains(packed)
    }
}
